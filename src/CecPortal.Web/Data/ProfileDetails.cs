namespace CecPortal.Web.Data;

/// <summary>What a person edits about themselves on their profile, already trimmed (see <see cref="Normalize"/>).</summary>
public sealed record ProfileDetails(string FullName, string? JobTitle, string? Organisation, string? CountryCode, string? SectorCode, bool HiddenFromDirectory)
{
    public const int MaxTextLength = 200;

    /// <summary>Trims every field, turns blanks into "not given" and upper-cases the country code.</summary>
    public static ProfileDetails Normalize(string? fullName, string? jobTitle, string? organisation, string? countryCode, string? sectorCode, bool hiddenFromDirectory) =>
        new(
            (fullName ?? string.Empty).Trim(),
            Blank(jobTitle),
            Blank(organisation),
            Blank(countryCode)?.ToUpperInvariant(),
            Blank(sectorCode),
            hiddenFromDirectory);

    /// <summary>The names of the fields that differ from <paramref name="other"/>, for the audit note (never the values).</summary>
    public IReadOnlyList<string> ChangedFrom(ProfileDetails other)
    {
        var changed = new List<string>();
        Add(FullName != other.FullName, "name");
        Add(JobTitle != other.JobTitle, "job title");
        Add(Organisation != other.Organisation, "organisation");
        Add(CountryCode != other.CountryCode, "country");
        Add(SectorCode != other.SectorCode, "sector");
        Add(HiddenFromDirectory != other.HiddenFromDirectory, "directory visibility");
        return changed;

        void Add(bool differs, string name)
        {
            if (differs)
            {
                changed.Add(name);
            }
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

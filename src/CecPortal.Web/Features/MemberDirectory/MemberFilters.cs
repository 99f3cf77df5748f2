namespace CecPortal.Web.Features.MemberDirectory;

public static class MemberFilters
{
    /// <summary>
    /// Narrows members to a country and a sector. Only a listed country code can match: a malformed one must not be
    /// cut to two letters by the char(2) parameter.
    /// </summary>
    public static IQueryable<PortalUser> InCountryAndSector(this IQueryable<PortalUser> members, string? country, string? sector, IEnumerable<string> listedCountryCodes)
    {
        var (any, code) = CountryCode(country, listedCountryCodes);
        if (!any)
        {
            members = code is null ? members.Where(u => false) : members.Where(u => u.CountryCode == code);
        }

        if (SectorCode(sector) is { } trimmed)
        {
            members = members.Where(u => u.SectorCode == trimmed);
        }

        return members;
    }

    /// <summary>
    /// The country a filter asks for: <c>Any</c> when it names none; otherwise the listed code it names, in the list's
    /// spelling, or null when it names none of them (nobody matches).
    /// </summary>
    public static (bool Any, string? Code) CountryCode(string? country, IEnumerable<string> listedCountryCodes) =>
        string.IsNullOrWhiteSpace(country)
            ? (true, null)
            : (false, listedCountryCodes.FirstOrDefault(c => string.Equals(c, country.Trim(), StringComparison.OrdinalIgnoreCase)));

    /// <summary>The sector a filter asks for, trimmed; null for any.</summary>
    public static string? SectorCode(string? sector) => string.IsNullOrWhiteSpace(sector) ? null : sector.Trim();
}

namespace CecPortal.Web.Features.Membership.Vetting;

/// <summary>What a member of staff may vet: Admins everything, Vetters their countries and sectors.</summary>
public sealed record VettingScope(bool IsAdmin, IReadOnlySet<string> Countries, IReadOnlySet<string> Sectors)
{
    public bool Covers(string countryCode, string sectorCode) => IsAdmin || Countries.Contains(countryCode) || Sectors.Contains(sectorCode);

    public Reviewer AsReviewer(string userId, string name, string countryCode, string sectorCode) =>
        new(userId, name, IsAdmin || Countries.Contains(countryCode), IsAdmin || Sectors.Contains(sectorCode));
}

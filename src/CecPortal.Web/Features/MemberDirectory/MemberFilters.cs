namespace CecPortal.Web.Features.MemberDirectory;

public static class MemberFilters
{
    /// <summary>
    /// Narrows members to a country and a sector. Only a listed country code can match: a malformed one must not be
    /// cut to two letters by the char(2) parameter.
    /// </summary>
    public static IQueryable<PortalUser> InCountryAndSector(this IQueryable<PortalUser> members, string? country, string? sector, IEnumerable<string> listedCountryCodes)
    {
        if (!string.IsNullOrWhiteSpace(country))
        {
            var code = listedCountryCodes.FirstOrDefault(c => string.Equals(c, country.Trim(), StringComparison.OrdinalIgnoreCase));
            members = code is null ? members.Where(u => false) : members.Where(u => u.CountryCode == code);
        }

        if (!string.IsNullOrWhiteSpace(sector))
        {
            var trimmed = sector.Trim();
            members = members.Where(u => u.SectorCode == trimmed);
        }

        return members;
    }
}

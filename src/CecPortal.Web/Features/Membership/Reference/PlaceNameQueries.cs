namespace CecPortal.Web.Features.Membership.Reference;

public static class PlaceNameQueries
{
    /// <summary>
    /// Adds the country and sector names to each user. Users carry only the codes (reference data may be edited and a
    /// user row must not block it), so the names are looked up by primary key in the same query.
    /// </summary>
    public static IQueryable<UserWithPlaceNames> WithPlaceNames(this IQueryable<PortalUser> users, AppDbContext db) =>
        users.Select(u => new UserWithPlaceNames
        {
            User = u,
            CountryName = db.Countries.Where(c => c.Code == u.CountryCode).Select(c => c.Name).FirstOrDefault(),
            SectorName = db.Sectors.Where(s => s.Code == u.SectorCode).Select(s => s.Name).FirstOrDefault(),
        });
}

namespace CecPortal.Web.Features.Membership.Vetting;

public sealed class VettingScopes(AppDbContext db)
{
    public async Task<VettingScope> ForAsync(string userId, bool isAdmin, CancellationToken cancellationToken)
    {
        if (isAdmin)
        {
            return new VettingScope(true, new HashSet<string>(), new HashSet<string>());
        }

        var countries = await db.VetterCountries.Where(v => v.UserId == userId).Select(v => v.CountryCode).ToListAsync(cancellationToken);
        var sectors = await db.VetterSectors.Where(v => v.UserId == userId).Select(v => v.SectorCode).ToListAsync(cancellationToken);
        return new VettingScope(false, countries.ToHashSet(), sectors.ToHashSet());
    }
}

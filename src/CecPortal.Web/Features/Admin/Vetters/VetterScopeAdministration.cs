using CecPortal.Web.Features.Membership.Vetting;
using CecPortal.Web.Infrastructure.Audit;

namespace CecPortal.Web.Features.Admin.Vetters;

/// <summary>Sets which countries and sectors a vetter reviews applications for.</summary>
public sealed class VetterScopeAdministration(AppDbContext db, AuditLog audit)
{
    public const string ScopeAction = "vetter.scope";

    /// <summary>
    /// Replaces the vetter's scope with exactly these countries and sectors, with an audit entry, in one save.
    /// Returns the summary recorded in the audit entry.
    /// </summary>
    public async Task<string> ReplaceAsync(
        string vetterId,
        IEnumerable<string> countryCodes,
        IEnumerable<string> sectorCodes,
        Actor actor,
        CancellationToken cancellationToken)
    {
        if (!await db.UsersInRole(Roles.Vetter).AnyAsync(u => u.Id == vetterId, cancellationToken))
        {
            throw new AccountRuleException("There is no such vetter.");
        }

        var countries = Normalise(countryCodes, code => code.ToUpperInvariant());
        var sectors = Normalise(sectorCodes, code => code);
        await ThrowIfUnknownAsync(countries, sectors, cancellationToken);

        var currentCountries = await db.VetterCountries.Where(v => v.UserId == vetterId).ToListAsync(cancellationToken);
        db.VetterCountries.RemoveRange(currentCountries.Where(v => !countries.Contains(v.CountryCode)));
        db.VetterCountries.AddRange(countries
            .Except(currentCountries.Select(v => v.CountryCode), StringComparer.Ordinal)
            .Select(code => new VetterCountry { UserId = vetterId, CountryCode = code }));

        var currentSectors = await db.VetterSectors.Where(v => v.UserId == vetterId).ToListAsync(cancellationToken);
        db.VetterSectors.RemoveRange(currentSectors.Where(v => !sectors.Contains(v.SectorCode)));
        db.VetterSectors.AddRange(sectors
            .Except(currentSectors.Select(v => v.SectorCode), StringComparer.Ordinal)
            .Select(code => new VetterSector { UserId = vetterId, SectorCode = code }));

        var summary = $"countries: {List(countries)}; sectors: {List(sectors)}";
        audit.Record(actor, ScopeAction, $"user:{vetterId}", summary);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            throw new AccountRuleException("Someone else changed this vetter's scope at the same moment. Reload the page and try again.");
        }

        return summary;
    }

    private async Task ThrowIfUnknownAsync(List<string> countries, List<string> sectors, CancellationToken cancellationToken)
    {
        // Country codes are char(2): anything longer cannot exist and is never sent to the database.
        var candidates = countries.Where(c => c.Length == 2).ToList();
        var knownCountries = await db.Countries.Where(c => candidates.Contains(c.Code)).Select(c => c.Code).ToListAsync(cancellationToken);
        var knownSectors = await db.Sectors.Where(s => sectors.Contains(s.Code)).Select(s => s.Code).ToListAsync(cancellationToken);
        var unknownCountries = countries.Except(knownCountries, StringComparer.Ordinal).ToList();
        var unknownSectors = sectors.Except(knownSectors, StringComparer.Ordinal).ToList();
        var problems = new List<string>();
        if (unknownCountries.Count > 0)
        {
            problems.Add($"There is no country with the code {List(unknownCountries)}.");
        }

        if (unknownSectors.Count > 0)
        {
            problems.Add($"There is no sector with the code {List(unknownSectors)}.");
        }

        if (problems.Count > 0)
        {
            throw new AccountRuleException(string.Join(' ', problems));
        }
    }

    private static List<string> Normalise(IEnumerable<string> codes, Func<string, string> canonical) =>
        [.. codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => canonical(c.Trim())).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string List(List<string> codes) => codes.Count == 0 ? "none" : string.Join(", ", codes);
}

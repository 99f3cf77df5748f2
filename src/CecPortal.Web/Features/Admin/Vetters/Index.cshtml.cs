namespace CecPortal.Web.Features.Admin.Vetters;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<VetterRow> Vetters { get; private set; } = [];

    public sealed record VetterRow(string Id, string FullName, string? Email, IReadOnlyList<string> Countries, IReadOnlyList<string> Sectors);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Vetters = await db.UsersInRole(Roles.Vetter)
            .AsNoTracking()
            .OrderBy(u => u.FullName)
            .Select(u => new VetterRow(
                u.Id,
                u.FullName,
                u.Email,
                db.VetterCountries.Where(v => v.UserId == u.Id).OrderBy(v => v.CountryCode).Select(v => v.CountryCode).ToList(),
                db.VetterSectors.Where(v => v.UserId == u.Id)
                    .Join(db.Sectors, v => v.SectorCode, s => s.Code, (v, s) => s)
                    .OrderBy(s => s.SortOrder)
                    .Select(s => s.Name)
                    .ToList()))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
}

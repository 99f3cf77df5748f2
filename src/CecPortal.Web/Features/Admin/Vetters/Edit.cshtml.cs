namespace CecPortal.Web.Features.Admin.Vetters;

public sealed class EditModel(AppDbContext db, VetterScopeAdministration scopes) : PageModel, IReloadAfterRefusal
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public VetterView Vetter { get; private set; } = null!;

    public IReadOnlyList<ScopeOption> CountryOptions { get; private set; } = [];

    public IReadOnlyList<ScopeOption> SectorOptions { get; private set; } = [];

    public sealed record VetterView(string Id, string FullName, string? Email);

    /// <summary>A box to tick; <paramref name="Note"/> says why it needs attention (a country that is not eligible).</summary>
    public sealed record ScopeOption(string Code, string Name, string? Note);

    public sealed class InputModel
    {
        public List<string> Countries { get; set; } = [];

        public List<string> Sectors { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(string userId, CancellationToken cancellationToken)
    {
        if (await FindVetterAsync(userId, cancellationToken) is not { } vetter)
        {
            return NotFound();
        }

        Vetter = vetter;
        Input.Countries = await db.VetterCountries.AsNoTracking().Where(v => v.UserId == userId).Select(v => v.CountryCode).ToListAsync(cancellationToken);
        Input.Sectors = await db.VetterSectors.AsNoTracking().Where(v => v.UserId == userId).Select(v => v.SectorCode).ToListAsync(cancellationToken);
        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string userId, CancellationToken cancellationToken)
    {
        if (await FindVetterAsync(userId, cancellationToken) is not { } vetter)
        {
            return NotFound();
        }

        Vetter = vetter;
        if (ModelState.IsValid)
        {
            var summary = await scopes.ReplaceAsync(userId, Input.Countries, Input.Sectors, Actor.Of(User), cancellationToken);
            TempData.SetStatusMessage($"Scope of {vetter.FullName} saved ({summary}).");
            return RedirectToPage("Index");
        }

        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    public Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => LoadOptionsAsync(cancellationToken);

    private Task<VetterView?> FindVetterAsync(string userId, CancellationToken cancellationToken) =>
        db.UsersInRole(Roles.Vetter)
            .AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new VetterView(u.Id, u.FullName, u.Email))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Eligible countries, plus any the vetter covers or that were just ticked, so no choice disappears from view.</summary>
    private async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        var vetterId = Vetter.Id;
        var ticked = Input.Countries.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length == 2).ToList();
        CountryOptions = await db.Countries
            .AsNoTracking()
            .Where(c => c.IsEligible || ticked.Contains(c.Code) || db.VetterCountries.Any(v => v.UserId == vetterId && v.CountryCode == c.Code))
            .OrderBy(c => c.Name)
            .Select(c => new ScopeOption(c.Code, c.Name, c.IsEligible ? null : "not eligible"))
            .ToListAsync(cancellationToken);
        SectorOptions = await db.Sectors
            .AsNoTracking()
            .OrderBy(s => s.SortOrder)
            .Select(s => new ScopeOption(s.Code, s.Name, null))
            .ToListAsync(cancellationToken);
    }
}

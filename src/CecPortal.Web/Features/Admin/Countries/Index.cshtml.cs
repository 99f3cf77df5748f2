namespace CecPortal.Web.Features.Admin.Countries;

public sealed class IndexModel(AppDbContext db, CountryAdministration countries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "eligible")]
    public bool EligibleOnly { get; set; }

    [BindProperty]
    public EligibilityInput Input { get; set; } = new();

    public IReadOnlyList<CountryRow> Countries { get; private set; } = [];

    public sealed record CountryRow(string Code, string Name, bool IsEligible);

    public sealed class EligibilityInput
    {
        [Required(ErrorMessage = "Choose a country.")]
        [StringLength(2, MinimumLength = 2, ErrorMessage = "A country code has two letters.")]
        public string Code { get; set; } = string.Empty;

        public bool Eligible { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var changed = await countries.SetEligibilityAsync(Input.Code.ToUpperInvariant(), Input.Eligible, Actor.Of(User), cancellationToken);
        if (changed is null)
        {
            return NotFound();
        }

        TempData.SetStatusMessage($"{changed.Name} ({changed.Code}) is {(changed.IsEligible ? "eligible" : "not eligible")}.");
        return RedirectToPage(new { q = Query, eligible = EligibleOnly ? "true" : null });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var query = db.Countries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var code = Query.Trim().ToUpperInvariant();
            var pattern = SearchPattern.Contains(Query);
            query = query.Where(c => c.Code == code || EF.Functions.ILike(c.Name, pattern, SearchPattern.EscapeCharacter));
        }

        if (EligibleOnly)
        {
            query = query.Where(c => c.IsEligible);
        }

        Countries = await query
            .OrderBy(c => c.Name)
            .Select(c => new CountryRow(c.Code, c.Name, c.IsEligible))
            .ToListAsync(cancellationToken);
    }
}

using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Reference;
using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Membership;

[EnableRateLimiting(RateLimiting.PublicForms)]
public sealed class ApplyModel(AppDbContext db, ApplicationWorkflow workflow) : PageModel
{
    [BindProperty]
    public ApplicationForm Input { get; set; } = new();

    public IReadOnlyList<CountryOption> Countries { get; private set; } = [];

    public IReadOnlyList<SectorOption> Sectors { get; private set; } = [];

    /// <summary>The privacy notice version the applicant accepts with the form (recorded on the application).</summary>
    public int PrivacyNoticeVersion { get; private set; }

    public sealed record CountryOption(string Code, string Name, bool IsEligible);

    public sealed record SectorOption(string Code, string Name, Nis2Annex Annex);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadChoicesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        if (!string.IsNullOrEmpty(Input.CountryCode) && Countries.All(c => c.Code != Input.CountryCode))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.CountryCode)}", "Choose a country from the list.");
        }

        if (!string.IsNullOrEmpty(Input.SectorCode) && Sectors.All(s => s.Code != Input.SectorCode))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.SectorCode)}", "Choose a sector from the list.");
        }

        if (Input.SectorCode == Sector.OtherCode && string.IsNullOrWhiteSpace(Input.SectorDescription))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.SectorDescription)}", "Describe your organisation's sector in a few words (for example: insurance, retail).");
        }

        if (!ModelState.IsValid)
        {
            ModelState.ResetUnparsableCheckbox($"{nameof(Input)}.{nameof(Input.Consent)}");
            return Page();
        }

        await workflow.SubmitAsync(Input.ToDetails(), cancellationToken);
        return RedirectToPage("/Membership/Submitted");
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Countries = await db.Countries.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new CountryOption(c.Code, c.Name, c.IsEligible))
            .ToListAsync(cancellationToken);
        Sectors = await db.Sectors.AsNoTracking()
            .OrderBy(s => s.SortOrder)
            .Select(s => new SectorOption(s.Code, s.Name, s.Annex))
            .ToListAsync(cancellationToken);
        PrivacyNoticeVersion = await db.PrivacyNotices.MaxAsync(n => n.Version, cancellationToken);
    }
}

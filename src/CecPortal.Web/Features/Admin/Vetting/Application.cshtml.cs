using System.Security.Claims;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Vetting;

namespace CecPortal.Web.Features.Admin.Vetting;

/// <summary>One application: details, flags, reviews, timeline and the vetter's actions. Out of scope answers 404.</summary>
public sealed class ApplicationModel(AppDbContext db, VettingScopes scopes, ApplicationWorkflow workflow) : PageModel, IReloadAfterRefusal
{
    public MembershipApplication Application { get; private set; } = null!;

    public Reviewer Me { get; private set; } = null!;

    public bool IsAdmin { get; private set; }

    public string? FourEyesMissing { get; private set; }

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public sealed class ActionInput
    {
        [StringLength(ApplicationLimits.Note, ErrorMessage = "A note can have at most {1} characters.")]
        [PlainText(AllowLineBreaks = true)]
        [Display(Name = "Note")]
        public string? Note { get; set; }

        [Display(Name = "Reason shown to the applicant")]
        public DeclineReason? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => workflow.ReviewAsync(id, Me, ReviewVerdict.Approve, Input.Note, null, cancellationToken), "Your approval is recorded.", cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => workflow.ReviewAsync(id, Me, ReviewVerdict.Decline, Input.Note, Input.Reason, cancellationToken), "The application is declined and the applicant informed.", cancellationToken);

    public Task<IActionResult> OnPostRequestInformationAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => workflow.RequestInformationAsync(id, Me, Input.Note ?? string.Empty, cancellationToken), "Your question was sent to the applicant.", cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => IsAdmin
            ? workflow.ReopenAsync(id, Me.Name, Input.Note ?? string.Empty, cancellationToken)
            : throw new ApplicationRuleException("Only an Admin can re-open an application."), "The application is open again.", cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> action, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await action();
        TempData.SetStatusMessage(done);
        return RedirectToPage(new { id });
    }

    /// <summary>The application as stored: the refused step changed nothing, but a colleague may have meanwhile.</summary>
    public Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => LoadAsync(Application.Id, cancellationToken);

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var application = await workflow.LoadAsync(id, cancellationToken);
        if (application is null || application.Status == ApplicationStatus.Unverified)
        {
            return false;
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        IsAdmin = User.IsInRole(Roles.Admin);
        var scope = await scopes.ForAsync(userId, IsAdmin, cancellationToken);
        if (!scope.Covers(application.CountryCode, application.SectorCode))
        {
            return false;
        }

        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.FullName).SingleAsync(cancellationToken);
        Me = scope.AsReviewer(userId, name, application.CountryCode, application.SectorCode);
        Application = application;
        FourEyesMissing = application.IsOpen ? FourEyesRule.Missing(application.CurrentApprovals()) : null;
        return true;
    }
}

using CecPortal.Web.Features.Membership.Applications;

namespace CecPortal.Web.Features.Membership;

/// <summary>The sponsor's one-click page: the GET only shows the question, the button press (POST) answers it.</summary>
public sealed class SponsorModel(ApplicationWorkflow workflow) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    public MembershipApplication Application { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostEndorseAsync(Guid id, CancellationToken cancellationToken) => RespondAsync(id, endorse: true, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken cancellationToken) => RespondAsync(id, endorse: false, cancellationToken);

    private async Task<IActionResult> RespondAsync(Guid id, bool endorse, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await workflow.RespondAsSponsorAsync(id, Token!, endorse, cancellationToken);
        TempData.SetStatusMessage(endorse ? "Thank you: your endorsement is recorded." : "Thank you: your answer is recorded.");
        return RedirectToPage(new { id, t = Token });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var application = await workflow.LoadAsync(id, cancellationToken);
        if (application is null || !application.HasSponsorToken(Token))
        {
            return false;
        }

        Application = application;
        return true;
    }
}

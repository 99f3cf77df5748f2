using CecPortal.Web.Infrastructure.Markdown;

namespace CecPortal.Web.Features.Privacy;

/// <summary>
/// Where the consent gate sends a signed-in person who has not accepted the current notice. Accepting records the
/// version and lets them through; declining signs them out (the portal cannot be used without it).
/// </summary>
public sealed class AcceptModel(PrivacyConsent consent, MarkdownRenderer markdown, SignInManager<PortalUser> signIn, UserManager<PortalUser> users) : PageModel, IReloadAfterRefusal
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The version shown on the page: accepting applies to exactly that text.</summary>
    [BindProperty]
    public int Version { get; set; }

    public PrivacyConsent.NoticeView Notice { get; private set; } = null!;

    public string NoticeHtml { get; private set; } = string.Empty;

    public bool AcceptedBefore { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await consent.HasAcceptedCurrentAsync(users.GetUserId(User)!, cancellationToken))
        {
            return LocalRedirect(SafeReturnUrl);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken)
    {
        await consent.AcceptAsync(Actor.Of(User), Version, cancellationToken);
        TempData.SetStatusMessage("Thank you: you accepted the privacy notice.");
        return LocalRedirect(SafeReturnUrl);
    }

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken)
    {
        await consent.DeclineAsync(Actor.Of(User), cancellationToken);
        await signIn.SignOutAsync();
        TempData.SetStatusMessage("You have been signed out: the portal can only be used once the privacy notice is accepted. Write to the secretariat if you have questions, or sign in again to accept it.");
        return Redirect("/");
    }

    /// <summary>The notice as it stands now: a newer version may be why accepting was refused.</summary>
    public Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) && !ReturnUrl.StartsWith(PrivacyConsentGate.AcceptPath, StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Notice = await consent.CurrentAsync(cancellationToken);
        NoticeHtml = markdown.Render(Notice.Markdown);
        AcceptedBefore = Notice.Version > 1;
        Version = Notice.Version;
        ModelState.Remove(nameof(Version));
    }
}

namespace CecPortal.Web.Features.Profile;

/// <summary>
/// The link from the confirmation email. The person may open it on another device, so it needs no sign-in: the token
/// is the proof. The GET only shows a button, because link scanners open every link in an email.
/// </summary>
public sealed class ConfirmEmailChangeModel(EmailChange emailChange, SignInManager<PortalUser> signIn, UserManager<PortalUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public EmailChangeConfirmResult? Result { get; private set; }

    public bool IsPending { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        IsPending = await emailChange.FindPendingAsync(UserId, Email) is not null;
        return IsPending ? Page() : Refused(EmailChangeConfirmResult.NoLongerPending);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Result = await emailChange.ConfirmAsync(UserId, Email, Code, cancellationToken);
        if (Result != EmailChangeConfirmResult.Changed)
        {
            return Refused(Result.Value);
        }

        // This browser, if signed in to the same account, keeps its session with the new stamp; every other one ends.
        if (signIn.IsSignedIn(User) && users.GetUserId(User) == UserId && await users.FindByIdAsync(UserId!) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return Page();
    }

    private PageResult Refused(EmailChangeConfirmResult result)
    {
        Result = result;
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}

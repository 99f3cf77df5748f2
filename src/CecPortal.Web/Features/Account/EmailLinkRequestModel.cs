namespace CecPortal.Web.Features.Account;

/// <summary>
/// A public form that emails a link to the address typed (forgot-password, resend-confirmation, a fresh status link).
/// It answers the same, in the same time, for every address: the lookup and the email run after the response, in
/// <typeparamref name="TService"/> from a scope of their own. Each page declares its own access and rate limit.
/// </summary>
public abstract class EmailLinkRequestModel<TService>(AfterResponse afterResponse) : PageModel
    where TService : notnull
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email;
        afterResponse.Run<TService>(Response, service => SendAsync(service, email));
        return RedirectToPage(new { sent = true });
    }

    /// <summary>Looks <paramref name="email"/> up and queues the email if there is someone to send it to.</summary>
    protected abstract Task SendAsync(TService service, string email);
}

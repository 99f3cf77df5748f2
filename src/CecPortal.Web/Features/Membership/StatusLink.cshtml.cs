using CecPortal.Web.Features.Account;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Membership;

/// <summary>
/// An applicant asks for a fresh status link. It mails an address, so it shares the password-reset limit per client,
/// and it answers the same whether or not anyone applied with that address.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.PasswordReset)]
public sealed class StatusLinkModel(AfterResponse afterResponse) : PageModel
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

        // After the response, as forgot-password: the same answer in the same time whether or not anyone applied.
        var email = Input.Email;
        afterResponse.Run<ApplicationWorkflow>(Response, workflow => workflow.ResendStatusLinksAsync(email, CancellationToken.None));
        return RedirectToPage(new { sent = true });
    }
}

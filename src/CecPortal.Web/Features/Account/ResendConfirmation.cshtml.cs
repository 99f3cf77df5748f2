using CecPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Account;

/// <summary>Sends the confirmation link again; it mails an address, so it shares the password-reset limit per client.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.PasswordReset)]
public sealed class ResendConfirmationModel(AfterResponse afterResponse) : PageModel
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

        // As forgot-password: the lookup and the email come after the same answer for every address.
        var email = Input.Email;
        afterResponse.Run<AccountEmailRequests>(Response, requests => requests.SendEmailConfirmationAsync(email));
        return RedirectToPage(new { sent = true });
    }
}

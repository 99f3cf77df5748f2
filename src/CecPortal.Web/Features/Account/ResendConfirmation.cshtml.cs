using CecPortal.Web.Data;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Account;

/// <summary>Sends the confirmation link again; it mails an address, so it shares the password-reset limit per client.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.PasswordReset)]
public sealed class ResendConfirmationModel(UserManager<PortalUser> users, AccountEmails emails) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        if (user is not null && !await users.IsEmailConfirmedAsync(user))
        {
            await emails.QueueEmailConfirmationAsync(user, cancellationToken);
        }

        return RedirectToPage(new { sent = true });
    }
}

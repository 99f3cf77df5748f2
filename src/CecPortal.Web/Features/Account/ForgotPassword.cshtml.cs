using System.ComponentModel.DataAnnotations;
using CecPortal.Web.Data;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimiting.PasswordReset)]
public sealed class ForgotPasswordModel(UserManager<PortalUser> users, AccountEmails emails) : PageModel
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
        // Suspended members receive no email, not even this one.
        if (user is not null && !user.IsSuspended && await users.IsEmailConfirmedAsync(user))
        {
            await emails.QueuePasswordResetAsync(user, cancellationToken);
        }

        // The same answer whether or not the account exists, so the page cannot be used to discover members.
        return RedirectToPage(new { sent = true });
    }
}

public sealed class EmailInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(256, ErrorMessage = "An email address has at most 256 characters.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = string.Empty;
}

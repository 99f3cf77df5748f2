using CecPortal.Web.Features.Account;
using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Profile;

/// <summary>
/// Asking for a new sign-in email. Each POST sends two emails, so it shares the per-client limit of the other
/// account-email forms (forgot password, resend confirmation); the password check also counts towards lockout.
/// </summary>
[EnableRateLimiting(RateLimiting.PasswordReset)]
public sealed class EmailModel(UserManager<PortalUser> users, EmailChange emailChange) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string CurrentEmail { get; private set; } = string.Empty;

    public string? PendingEmail { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the new email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256, ErrorMessage = "The email address may have at most {1} characters.")]
        [Display(Name = "New email address")]
        public string NewEmail { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [StringLength(256)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = string.Empty;
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await emailChange.RequestAsync(user, Input.NewEmail, Input.CurrentPassword, cancellationToken);
        switch (result)
        {
            case EmailChangeRequestResult.Requested:
                TempData.SetStatusMessage($"We sent a confirmation link to {Input.NewEmail.Trim()}. Your sign-in email changes when you open it; until then, {CurrentEmail} stays in force.");
                return Redirect("/profile#details");
            case EmailChangeRequestResult.SameAddress:
                ModelState.AddModelError("Input.NewEmail", "This is already your sign-in email.");
                break;
            case EmailChangeRequestResult.AddressTaken:
                ModelState.AddModelError("Input.NewEmail", "This address is already used by another account. Choose another one.");
                break;
            case EmailChangeRequestResult.UnusableAddress:
                ModelState.AddModelError("Input.NewEmail", "This address contains characters the portal cannot use for signing in.");
                break;
            case EmailChangeRequestResult.LockedOut:
                ModelState.AddModelError("Input.CurrentPassword", AccountSecurityChanges.LockedOutMessage);
                break;
            default:
                ModelState.AddModelError("Input.CurrentPassword", "The password is not correct.");
                break;
        }

        Input.CurrentPassword = string.Empty;
        return Page();
    }

    private async Task<PortalUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        CurrentEmail = user?.Email ?? string.Empty;
        PendingEmail = user?.PendingEmail;
        return user;
    }
}

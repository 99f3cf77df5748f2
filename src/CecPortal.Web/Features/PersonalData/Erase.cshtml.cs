using CecPortal.Web.Features.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.PersonalData;

/// <summary>A signed-in person erases their own account, after typing their password and confirming.</summary>
[EnableRateLimiting(RateLimiting.Reauthentication)]
public sealed class EraseModel(AccountErasure erasure, UserManager<PortalUser> users, AccountSecurityChanges changes) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [StringLength(256)]
        [Display(Name = "Current password")]
        public string Password { get; set; } = string.Empty;

        [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to confirm that you want your account erased.")]
        [Display(Name = "I understand that my account and my data are erased for good and cannot be restored.")]
        public bool Confirm { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await changes.ReauthenticateAsync(user, Input.Password) is { } refused)
        {
            ModelState.AddModelError("Input.Password", $"{refused} Nothing was erased.");
            return Page();
        }

        await erasure.EraseOwnAccountAsync(user.Id, cancellationToken);

        // Not SignInManager.SignOutAsync: that would audit the sign-out under the erased id and name.
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        return RedirectToPage("Erased");
    }
}

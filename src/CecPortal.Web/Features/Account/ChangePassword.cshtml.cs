using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Account;

/// <summary>
/// Any signed-in user (the fallback policy) may change their own password. A wrong current password counts towards
/// lockout and the posts are rate-limited per account, as on every page that asks for the password again.
/// </summary>
[EnableRateLimiting(RateLimiting.Reauthentication)]
public sealed class ChangePasswordModel(UserManager<PortalUser> users, SignInManager<PortalUser> signInManager, AccountSecurityChanges changes, PasswordChanges passwords) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel : NewPasswordInput
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [StringLength(256)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = string.Empty;
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
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

        switch (await changes.CheckPasswordAsync(user, Input.CurrentPassword))
        {
            case Reauthentication.WrongPassword:
                ModelState.AddModelError("Input.CurrentPassword", "The current password is not correct.");
                return Page();
            case Reauthentication.LockedOut:
                ModelState.AddModelError("Input.CurrentPassword", AccountSecurityChanges.LockedOutMessage);
                return Page();
        }

        var result = await passwords.ChangeAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.NewPassword", error.Description);
            }

            return Page();
        }

        await signInManager.RefreshSignInAsync(user);
        TempData.SetStatusMessage("Your password has been changed.");
        return Redirect("/profile");
    }
}

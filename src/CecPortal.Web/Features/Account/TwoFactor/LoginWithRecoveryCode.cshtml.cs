using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>The second sign-in step with one of the ten recovery codes instead of the app; each code works once.</summary>
[EnableRateLimiting(RateLimiting.SignIn)]
public sealed class LoginWithRecoveryCodeModel(SignInManager<PortalUser> signInManager) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter one of your recovery codes.")]
        [StringLength(32)]
        [Display(Name = "Recovery code")]
        public string RecoveryCode { get; set; } = string.Empty;
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/account/login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            TempData.SetStatusMessage("The sign-in took too long: please enter your password again.");
            return Redirect("/account/login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (result.Succeeded)
        {
            TempData.SetStatusMessage("You signed in with a recovery code; it cannot be used again. If you lost your phone, set up your authenticator app again under Security.");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError(
            result.IsLockedOut ? string.Empty : "Input.RecoveryCode",
            result.IsLockedOut
                ? "This account is locked after too many failed attempts. Try again in 15 minutes."
                : "That recovery code is not correct or was already used.");
        Input.RecoveryCode = string.Empty;
        return Page();
    }
}

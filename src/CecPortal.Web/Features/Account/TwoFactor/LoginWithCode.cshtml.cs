using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>
/// The second sign-in step: a code from the authenticator app. No "remember this browser": a remembered browser would
/// make the password alone enough there for weeks, and sessions already last up to <c>Security:AbsoluteTimeout</c>.
/// </summary>
[EnableRateLimiting(RateLimiting.SignIn)]
public sealed class LoginWithCodeModel(SignInManager<PortalUser> signInManager) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>"Keep me signed in" from the password step.</summary>
    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
        [StringLength(12)]
        [Display(Name = "Code from your authenticator app")]
        public string Code { get; set; } = string.Empty;
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

        var result = Totp.Normalize(Input.Code) is { } code
            ? await signInManager.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false)
            : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError(
            result.IsLockedOut ? string.Empty : "Input.Code",
            result.IsLockedOut
                ? "This account is locked after too many failed attempts. Try again in 15 minutes."
                : "That code is not correct or was already used. Type the code your app shows now.");
        Input.Code = string.Empty;
        return Page();
    }
}

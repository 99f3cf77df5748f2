using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>
/// The second sign-in step: a code from the authenticator app. No "remember this browser": a remembered browser would
/// make the password alone enough there for weeks, and sessions already last up to <c>Security:AbsoluteTimeout</c>.
/// </summary>
[EnableRateLimiting(RateLimiting.SignIn)]
public sealed class LoginWithCodeModel(SignInManager<PortalUser> signInManager) : SecondSignInStepModel(signInManager)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>"Keep me signed in" from the password step.</summary>
    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    protected override string CodeField => "Input.Code";

    protected override string WrongCodeMessage => "That code is not correct or was already used. Type the code your app shows now.";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
        [StringLength(12)]
        [Display(Name = "Code from your authenticator app")]
        public string Code { get; set; } = string.Empty;
    }

    protected override async Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<PortalUser> signIn) =>
        Totp.Normalize(Input.Code) is { } code
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false)
            : Microsoft.AspNetCore.Identity.SignInResult.Failed;

    protected override void ClearCode() => Input.Code = string.Empty;
}

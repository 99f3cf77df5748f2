using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>The second sign-in step with one of the ten recovery codes instead of the app; each code works once.</summary>
[EnableRateLimiting(RateLimiting.SignIn)]
public sealed class LoginWithRecoveryCodeModel(SignInManager<PortalUser> signInManager) : SecondSignInStepModel(signInManager)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    protected override string CodeField => "Input.RecoveryCode";

    protected override string WrongCodeMessage => "That recovery code is not correct or was already used.";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter one of your recovery codes.")]
        [StringLength(32)]
        [Display(Name = "Recovery code")]
        public string RecoveryCode { get; set; } = string.Empty;
    }

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<PortalUser> signIn) =>
        signIn.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Replace(" ", string.Empty, StringComparison.Ordinal));

    protected override void OnSignedIn() =>
        TempData.SetStatusMessage("You signed in with a recovery code; it cannot be used again. If you lost your phone, set up your authenticator app again under Security.");

    protected override void ClearCode() => Input.RecoveryCode = string.Empty;
}

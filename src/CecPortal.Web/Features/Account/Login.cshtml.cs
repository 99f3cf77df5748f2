using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Account;

[EnableRateLimiting(RateLimiting.SignIn)]
public sealed class LoginModel(SignInManager<PortalUser> signInManager, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256)]
        [Display(Name = "Email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [StringLength(256)]
        [Display(Name = "Password")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }

    /// <summary>The browser's passkey answer (a <c>PublicKeyCredential</c> as JSON), posted by wwwroot/js/passkeys.js.</summary>
    [BindProperty]
    [StringLength(64 * 1024)]
    public string? CredentialJson { get; set; }

    public string? PasskeyError { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>The options for <c>navigator.credentials.get</c>: no account is named, the browser offers its passkeys for this site.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signInManager.MakePasskeyRequestOptionsAsync(null), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        // Only the passkey form's fields count here; the email and password form was not sent.
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(CredentialJson))
        {
            PasskeyError = "Your browser did not send a passkey. Use the passkey button again.";
            return Page();
        }

        Microsoft.AspNetCore.Identity.SignInResult result;
        try
        {
            result = await signInManager.PasskeySignInAsync(CredentialJson);
        }
        catch (InvalidOperationException)
        {
            // No passkey request under way: it expired (five minutes) or the form was sent twice.
            PasskeyError = "The passkey request expired. Use the passkey button again.";
            return Page();
        }

        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        PasskeyError = result switch
        {
            { IsLockedOut: true } => "This account is locked after too many failed attempts. Try again in 15 minutes or reset your password.",
            { IsNotAllowed: true } => "This account cannot sign in: please confirm your email address first. If your membership is suspended, contact the CEC secretariat.",
            _ => "That passkey is not registered for any account here. Sign in with your password, then add the passkey under Sign-in security.",
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ModelState.ResetUnparsableCheckbox($"{nameof(Input)}.{nameof(Input.RememberMe)}");
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
            return LocalRedirect($"/account/login/code?returnUrl={Uri.EscapeDataString(returnUrl)}&rememberMe={(Input.RememberMe ? "true" : "false")}");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: account locked out.");
            ModelState.AddModelError(string.Empty, "This account is locked after too many failed attempts. Try again in 15 minutes or reset your password.");
        }
        else if (result.IsNotAllowed)
        {
            ModelState.AddModelError(string.Empty, "This account cannot sign in: please confirm your email address first. If your membership is suspended, contact the CEC secretariat.");
        }
        else
        {
            ModelState.AddModelError(string.Empty, "The email address or password is not correct.");
        }

        Input.Password = string.Empty;
        return Page();
    }
}

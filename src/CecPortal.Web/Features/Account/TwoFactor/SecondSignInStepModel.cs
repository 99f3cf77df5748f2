namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>
/// What the two second sign-in steps (a code from the app, a recovery code) share: both need the half-signed-in user
/// the password step left behind, and both answer a wrong code or a lockout the same way. A page says only how it
/// signs in with its code and what it tells the user.
/// </summary>
public abstract class SecondSignInStepModel(SignInManager<PortalUser> signInManager) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The form field holding the code, where a wrong-code message goes.</summary>
    protected abstract string CodeField { get; }

    protected abstract string WrongCodeMessage { get; }

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

        var result = await SignInAsync(signInManager);
        if (result.Succeeded)
        {
            OnSignedIn();
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError(
            result.IsLockedOut ? string.Empty : CodeField,
            result.IsLockedOut ? "This account is locked after too many failed attempts. Try again in 15 minutes." : WrongCodeMessage);
        ClearCode();
        return Page();
    }

    /// <summary>Signs in with the code the form carries.</summary>
    protected abstract Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<PortalUser> signIn);

    /// <summary>Runs once signed in, before the redirect.</summary>
    protected virtual void OnSignedIn()
    {
    }

    /// <summary>Empties the code field so a refused code is not shown again.</summary>
    protected abstract void ClearCode();
}

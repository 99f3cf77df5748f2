using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>The sign-in security hub for any signed-in user: two-step sign-in status and the changes that need the password.</summary>
[EnableRateLimiting(RateLimiting.Reauthentication)]
public sealed class SecurityModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, TwoFactorSettings settings) : PageModel
{
    public const string RecoveryCodesKey = "RecoveryCodes";

    [BindProperty]
    public CurrentPasswordInput Input { get; set; } = new();

    public TwoFactorStatus Status { get; private set; } = new(false, 0, false);

    public int PasskeyCount { get; private set; }

    /// <summary>The form whose password was refused, so only that form shows the message.</summary>
    public string? FailedForm { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public Task<IActionResult> OnPostRecoveryCodesAsync() => ChangeAsync("recovery-codes", async user =>
    {
        var change = await settings.RegenerateRecoveryCodesAsync(user, Input.Password);
        if (change.Succeeded)
        {
            TempData[RecoveryCodesKey] = change.RecoveryCodes.ToArray();
        }

        return (change, "/account/security/recovery-codes");
    });

    public Task<IActionResult> OnPostResetAsync() => ChangeAsync("reset", async user =>
    {
        var change = await settings.ResetAuthenticatorAsync(user, Input.Password);
        if (change.Succeeded)
        {
            TempData.SetStatusMessage("Your authenticator app was reset. Set up the new one below: two-step sign-in is off until you confirm a code.");
        }

        return (change, StaffMfaGate.EnrolmentPath);
    });

    public Task<IActionResult> OnPostDisableAsync() => ChangeAsync("disable", async user =>
    {
        var change = await settings.DisableAsync(user, Input.Password);
        if (change.Succeeded)
        {
            TempData.SetStatusMessage("Two-step sign-in is off. Signing in now needs only your password.");
        }

        return (change, "/account/security");
    });

    private async Task<IActionResult> ChangeAsync(string form, Func<PortalUser, Task<(TwoFactorChange Change, string Next)>> change)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var (result, next) = await change(user);
            if (result.Succeeded)
            {
                // The change renewed the security stamp: keep this session, end the others.
                await signIn.RefreshSignInAsync(user);
                return Redirect(next);
            }

            ModelState.AddModelError(result.ErrorField!, result.Error!);
        }

        FailedForm = form;
        Input.Password = string.Empty;
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(PortalUser user)
    {
        Status = await settings.StatusAsync(user);
        PasskeyCount = (await users.GetPasskeysAsync(user)).Count;
    }
}

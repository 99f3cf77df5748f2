using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>Enrolment of an authenticator app: the key as a QR code and as text, then a code and the password to turn it on.</summary>
[EnableRateLimiting(RateLimiting.Reauthentication)]
public sealed class AuthenticatorModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, TwoFactorSettings settings) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Where to go once enrolled (the admin page a staff member was sent from).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public AuthenticatorEnrolment Enrolment { get; private set; } = null!;

    public bool MustUseTwoFactor { get; private set; }

    public sealed class InputModel : CurrentPasswordInput
    {
        [Required(ErrorMessage = "Enter the 6-digit code your app shows.")]
        [StringLength(12)]
        [Display(Name = "Code from the app")]
        public string Code { get; set; } = string.Empty;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return Redirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account/security");
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var change = await settings.EnableAsync(user, Input.Password, Input.Code);
            if (change.Succeeded)
            {
                await signIn.RefreshSignInAsync(user);
                TempData[SecurityModel.RecoveryCodesKey] = change.RecoveryCodes.ToArray();
                var next = Url.IsLocalUrl(ReturnUrl) ? $"/account/security/recovery-codes?returnUrl={Uri.EscapeDataString(ReturnUrl)}" : "/account/security/recovery-codes";
                return Redirect(next);
            }

            ModelState.AddModelError(change.ErrorField!, change.Error!);
        }

        Input.Password = string.Empty;
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(PortalUser user)
    {
        Enrolment = await settings.EnrolmentAsync(user);
        MustUseTwoFactor = await settings.MustUseTwoFactorAsync(user);
    }
}

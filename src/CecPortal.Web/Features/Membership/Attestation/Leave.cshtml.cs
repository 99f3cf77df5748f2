using CecPortal.Web.Features.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Membership.Attestation;

/// <summary>
/// "I am leaving my role": the member ends their membership and keeps an alumni record (the account can no longer sign
/// in), after typing their password; the other way out, erasing everything now, is the erasure page.
/// </summary>
[EnableRateLimiting(RateLimiting.Reauthentication)]
public sealed class LeaveModel(MembershipAttestation attestation, UserManager<PortalUser> users, AccountSecurityChanges changes) : PageModel
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

        [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to confirm that you are leaving.")]
        [Display(Name = "I have left my security leadership role. End my membership and keep an alumni record; I can no longer sign in.")]
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
            ModelState.AddModelError("Input.Password", $"{refused} Your membership is unchanged.");
            return Page();
        }

        await attestation.LeaveAsync(user.Id, cancellationToken);

        // The account can no longer sign in; its stamp has changed, so other sessions end at their next check.
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        TempData.SetStatusMessage("Your membership has ended and an alumni record is kept. Thank you for everything you brought to the community.");
        return Redirect("/");
    }
}

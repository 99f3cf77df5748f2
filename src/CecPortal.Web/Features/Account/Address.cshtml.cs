using CecPortal.Web.Features.Deliverability;

namespace CecPortal.Web.Features.Account;

/// <summary>
/// Where the address banner leads: why mail to the person's address stopped, and the two ways on: confirm the address
/// (one click, audited) or change it (the existing email change). Open to anyone signed in, so that a member whose
/// other access is restricted can still repair their address.
/// </summary>
public sealed class AddressModel(DeliveryProblems problems, AddressBounces bounces, UserManager<PortalUser> users, SignInManager<PortalUser> signIn) : PageModel
{
    public AddressProblem? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Problem = await problems.OwnProblemAsync(users.GetUserId(User)!, cancellationToken);

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        if (await problems.OwnProblemAsync(userId, cancellationToken) is null)
        {
            TempData.SetStatusMessage("Your address is not marked undeliverable: nothing to confirm.");
            return RedirectToPage();
        }

        await bounces.ConfirmAddressAsync(userId, Actor.Of(User), cancellationToken);

        // The banner reads the session's claims: sign in again so it goes with this response, not at the next stamp check.
        if (await users.FindByIdAsync(userId) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }

        TempData.SetStatusMessage("Thank you: the briefing and other mailings go to your address again.");
        return RedirectToPage();
    }
}

using CecPortal.Web.Features.Membership.Attestation;

namespace CecPortal.Web.Features.Home;

/// <summary>
/// "/": the public page for visitors; for a signed-in person with community access, their today (see
/// <see cref="MemberToday"/>). A lapsed member keeps the public page with the confirmation banner: nothing else is theirs
/// until they confirm.
/// </summary>
public sealed class IndexModel(MemberToday today, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    /// <summary>Null for visitors and for a signed-in person without community access (the public page).</summary>
    public TodayView? Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true || !(await authorization.AuthorizeAsync(User, Policies.Community)).Succeeded)
        {
            return;
        }

        var viewer = new MemberToday.Viewer(
            User.IsInRole(Roles.Member),
            (await authorization.AuthorizeAsync(User, Policies.Vetting)).Succeeded,
            User.IsInRole(Roles.Admin),
            (await authorization.AuthorizeAsync(User, Policies.Editorial)).Succeeded,
            (await authorization.AuthorizeAsync(User, Policies.Moderation)).Succeeded,
            (await authorization.AuthorizeAsync(User, Policies.Consultations)).Succeeded);
        Today = await today.LoadAsync(Actor.Of(User).Id, viewer, cancellationToken) with
        {
            AccountNeedsAttention = User.AttestationDueAt() <= clock.GetUtcNow() || User.AddressUndeliverableSince() is not null,
        };

        // The home shows the account notices in its own block, in the order of what needs the member.
        ViewData[AccountNotices.InPage] = true;
        ViewData[AccountNotices.Organisation] = new AccountNotices.KnownOrganisation(Today.Organisation);
    }
}

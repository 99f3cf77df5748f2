using System.Security.Claims;

namespace CecPortal.Web.Features.Membership.Attestation;

/// <summary>
/// What the session knows of the member's standing, so that the <c>Community</c> policy and the banner need no query.
/// The claims are written at sign-in and again at each security stamp check (every minute), so a lapse or a
/// confirmation reaches every open session within a minute; the confirming session is signed in again at once.
/// </summary>
public static class MembershipClaims
{
    /// <summary>Present while the membership has lapsed.</summary>
    public const string Lapsed = "cec:lapsed";

    /// <summary>The instant (ISO 8601) the member's next confirmation is due; absent for accounts that do not attest.</summary>
    public const string AttestationDue = "cec:attestation-due";

    /// <summary>
    /// The instant (ISO 8601) the account's address was marked undeliverable, while it is: the address banner reads it
    /// here instead of querying on every page. Like the others it follows the account within a minute (the security
    /// stamp check rebuilds the claims), and at once where the owner's own action clears it (a confirmed address).
    /// </summary>
    public const string AddressUndeliverable = "cec:address-undeliverable";

    public static bool IsLapsed(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == Lapsed);

    public static DateTimeOffset? AddressUndeliverableSince(this ClaimsPrincipal user) => Instant(user, AddressUndeliverable);

    public static DateTimeOffset? AttestationDueAt(this ClaimsPrincipal user) => Instant(user, AttestationDue);

    private static DateTimeOffset? Instant(ClaimsPrincipal user, string type) =>
        user.FindFirst(type) is { } claim && DateTimeOffset.TryParse(claim.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
            ? instant
            : null;
}

/// <summary>Identity's claims (name, roles, security stamp) plus the member's standing.</summary>
public sealed class MembershipClaimsPrincipalFactory(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.IsLapsed)
        {
            identity.AddClaim(new Claim(MembershipClaims.Lapsed, "true"));
        }

        if (user.AttestationDueAt is { } due)
        {
            identity.AddClaim(new Claim(MembershipClaims.AttestationDue, due.ToString("O", CultureInfo.InvariantCulture)));
        }

        if (user.UndeliverableSince is { } since)
        {
            identity.AddClaim(new Claim(MembershipClaims.AddressUndeliverable, since.ToString("O", CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}

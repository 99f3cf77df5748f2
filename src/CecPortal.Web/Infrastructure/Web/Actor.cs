using System.Security.Claims;

namespace CecPortal.Web.Infrastructure.Web;

/// <summary>
/// Who did something, as the audit log and the entities that remember it record them: the account id, and the name
/// they signed in with (kept beside the id so the record reads the same after the account is renamed or erased).
/// </summary>
public sealed record Actor(string Id, string Name)
{
    /// <summary>
    /// The signed-in person behind a request. Only pages that require a signed-in user call it, so a missing claim is
    /// a wiring mistake, not input: it fails loudly rather than record an action under nobody.
    /// </summary>
    public static Actor Of(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The request has no signed-in user to act as."),
        user.Identity?.Name ?? throw new InvalidOperationException("The signed-in user has no name to record."));
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CecPortal.Web.Infrastructure.Web;

/// <summary>
/// The absolute session timeout: the sign-in instant travels in the cookie as a claim (and in the ticket's properties,
/// which survive a refreshed sign-in after a password change) and a cookie older than
/// <see cref="PortalSessionOptions.AbsoluteTimeout"/> is rejected, however recently it slid.
/// </summary>
public static class SessionLifetime
{
    public const string SignedInAtClaim = "cec:signed_in_at";

    private const string SignedInAtItem = ".cec.signed_in_at";

    /// <summary>Cookie event: stamps a new session with the current instant, and keeps the first instant on a re-issue.</summary>
    public static Task OnSigningIn(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var signedInAt = context.Principal?.FindFirstValue(SignedInAtClaim)
            ?? context.Properties.GetString(SignedInAtItem)
            ?? Now(context.HttpContext).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        context.Properties.SetString(SignedInAtItem, signedInAt);
        if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SignedInAtClaim))
        {
            identity.AddClaim(new Claim(SignedInAtClaim, signedInAt, ClaimValueTypes.Integer64));
        }

        return Task.CompletedTask;
    }

    /// <summary>Security-stamp refresh builds a new principal: carry the sign-in instant over.</summary>
    public static Task OnRefreshingPrincipal(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var signedInAt = context.CurrentPrincipal?.FindFirst(SignedInAtClaim);
        if (signedInAt is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SignedInAtClaim))
        {
            identity.AddClaim(new Claim(SignedInAtClaim, signedInAt.Value, ClaimValueTypes.Integer64));
        }

        return Task.CompletedTask;
    }

    /// <summary>Cookie event: ends a session past its absolute lifetime (or one without a sign-in instant), then lets Identity check the security stamp when it is due.</summary>
    public static Func<CookieValidatePrincipalContext, Task> ValidatePrincipal(Func<CookieValidatePrincipalContext, Task> next) => async context =>
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<PortalSessionOptions>>().Value;
        var value = context.Principal?.FindFirstValue(SignedInAtClaim) ?? context.Properties.GetString(SignedInAtItem);
        var expired = !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            || Now(context.HttpContext) - DateTimeOffset.FromUnixTimeSeconds(seconds) >= options.AbsoluteTimeout;
        if (expired)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        // Identity checks the security stamp only once per ValidationInterval, but decides so after building a sign-in
        // manager, user manager and store for the request. The same test first spares every other request that work
        // (a tenth of a signed-in page's allocations under load).
        var stamp = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        if (context.Properties.IssuedUtc is { } issued && Now(context.HttpContext) - issued <= stamp.ValidationInterval)
        {
            return;
        }

        await next(context);
    };

    private static DateTimeOffset Now(HttpContext httpContext) =>
        httpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
}

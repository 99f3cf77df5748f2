using System.Security.Claims;

namespace CecPortal.Web.Features.Privacy;

/// <summary>
/// Sends a signed-in person who has not accepted the current privacy notice to <see cref="AcceptPath"/> before any
/// page that needs a sign-in (members and staff alike). Public endpoints (the notice itself, sign-out, static files,
/// health checks, error pages) pass, as they would for anyone.
/// </summary>
public sealed class PrivacyConsentGate(RequestDelegate next)
{
    public const string AcceptPath = "/privacy/accept";

    public async Task InvokeAsync(HttpContext context, PrivacyConsent consent)
    {
        if (IsExempt(context) || context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId
            || await consent.HasAcceptedCurrentAsync(userId, context.RequestAborted))
        {
            await next(context);
            return;
        }

        context.Response.Redirect(AcceptUrl(context.Request));
    }

    private static bool IsExempt(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        var endpoint = context.GetEndpoint();
        return endpoint is null
            || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || context.Request.Path.StartsWithSegments(AcceptPath, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Where to come back to afterwards: the page asked for, when it was a plain GET.</summary>
    private static string AcceptUrl(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
            ? $"{AcceptPath}?returnUrl={Uri.EscapeDataString(request.PathBase + request.Path + request.QueryString)}"
            : AcceptPath;
}

using Microsoft.AspNetCore.Authentication.Cookies;

namespace CecPortal.Web.Infrastructure.Web;

/// <summary>
/// Requests a page makes by itself, not because the person did something: a live event stream, or a script refreshing
/// part of a page when others post. They must not extend the signed-in session, or an unattended tab would keep it
/// alive until the absolute timeout and the idle timeout would mean nothing. An endpoint says so with
/// <see cref="Metadata"/>; a script sends the <see cref="Header"/>.
/// </summary>
public static class BackgroundRequests
{
    /// <summary>The header a script sets on its own requests (EventSource cannot set headers: its endpoint carries <see cref="Metadata"/>).</summary>
    public const string Header = "X-Background-Request";

    /// <summary>Endpoint metadata: every request to this endpoint is a background request.</summary>
    public static readonly object Metadata = new BackgroundEndpoint();

    public static bool IsBackground(HttpContext context) =>
        context.Request.Headers.ContainsKey(Header) || context.GetEndpoint()?.Metadata.GetMetadata<BackgroundEndpoint>() is not null;

    /// <summary>Cookie event: a background request reads the session without sliding it.</summary>
    public static Task OnCheckSlidingExpiration(CookieSlidingExpirationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsBackground(context.HttpContext))
        {
            context.ShouldRenew = false;
        }

        return Task.CompletedTask;
    }

    private sealed class BackgroundEndpoint;
}

using CecPortal.Web.Infrastructure.Jobs;

namespace CecPortal.Web.Infrastructure.Web;

public static class SecurityHeaders
{
    /// <summary>
    /// No inline scripts or styles, nothing from other origins, and no page of the portal inside anyone's frame.
    /// frame-src 'self' is for the development mailbox, which shows an email's HTML in a sandboxed frame.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
        "frame-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /// <summary>Conservative browser protections on every response; the Hangfire dashboard brings its own inline scripts.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        if (context.Request.Path.StartsWithSegments(HangfireSetup.DashboardPath, StringComparison.OrdinalIgnoreCase))
        {
            // The dashboard needs its inline scripts, but it is never framed either.
            headers.ContentSecurityPolicy = "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";
        }
        else
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }

        await next();
    });
}

using CecPortal.Web.Features.Account.TwoFactor;
using CecPortal.Web.Features.Privacy;
using CecPortal.Web.Features.Sharing.Live;
using CecPortal.Web.Infrastructure.Jobs;

namespace CecPortal.Web;

/// <summary>
/// The middleware in the order a request meets it, then the endpoints, in one place because the order is part of the
/// security model. It sits beside <c>Program.cs</c> because two of the gates belong to features.
/// </summary>
public static class PortalPipeline
{
    public static void UsePortalPipeline(this WebApplication app)
    {
        // First: everything after it (HSTS, secure cookies, rate limits, the audit log) sees the client's address and
        // scheme as reported by a trusted proxy, and only by one.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        // Outside the outage page, so that its bare 503 is rendered by the error page.
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseDatabaseOutagePage();
        app.UseSecurityHeaders();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        // After authorization: the gates read the signed-in user, and leave the sign-in page and 403 to authorization.
        app.UsePrivacyConsentGate();
        app.UseStaffMfaForJobsDashboard();

        // After authentication: the re-authentication limit counts per account.
        app.UseRateLimiter();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapSharingLive();
        app.MapPortalHealthChecks();
        app.MapPortalJobsDashboard();
    }
}

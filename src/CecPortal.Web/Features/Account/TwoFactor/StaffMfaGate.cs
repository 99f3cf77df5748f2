using System.Security.Claims;
using CecPortal.Web.Infrastructure.Jobs;

namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>
/// Staff must use two-step sign-in (<c>Security:RequireStaffMfa</c>): a staff account without an authenticator app is
/// sent to set one up before any admin page or the jobs dashboard. Runs after authorization, so people without a staff
/// role still get 403 and anonymous visitors the sign-in page.
/// </summary>
public static class StaffMfaGate
{
    public const string EnrolmentPath = "/account/security/authenticator";

    /// <summary>Where to send the current user instead, or null when they may go on.</summary>
    public static async Task<string?> EnrolmentRedirectAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        if (!services.GetRequiredService<IOptions<StaffMfaOptions>>().Value.RequireStaffMfa
            || context.User.Identity?.IsAuthenticated != true
            || !Roles.Staff.Any(context.User.IsInRole))
        {
            return null;
        }

        // One column, not the whole account (nor a UserManager built for it): this runs on every admin page.
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var twoFactorEnabled = await services.GetRequiredService<AppDbContext>().Users
            .Where(u => u.Id == userId)
            .Select(u => (bool?)u.TwoFactorEnabled)
            .SingleOrDefaultAsync(context.RequestAborted);
        if (twoFactorEnabled is null or true)
        {
            return null;
        }

        var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        return $"{EnrolmentPath}?returnUrl={Uri.EscapeDataString(returnUrl)}";
    }

    /// <summary>The Hangfire dashboard is not a Razor Page: the same rule as middleware on its path.</summary>
    public static IApplicationBuilder UseStaffMfaForJobsDashboard(this IApplicationBuilder app) => app.UseWhen(
        context => context.Request.Path.StartsWithSegments(HangfireSetup.DashboardPath, StringComparison.OrdinalIgnoreCase),
        branch => branch.Use(async (context, next) =>
        {
            if (await EnrolmentRedirectAsync(context) is { } redirect)
            {
                context.Response.Redirect(redirect);
                return;
            }

            await next(context);
        }));
}

using System.Security.Claims;
using System.Threading.RateLimiting;
using CecPortal.Web.Infrastructure.Operations;

namespace CecPortal.Web.Infrastructure.Web;

public static class RateLimiting
{
    /// <summary>Public form submissions (membership applications), per client IP address.</summary>
    public const string PublicForms = "public-forms";

    /// <summary>Sign-in attempts, per client IP address; lockout protects each account, this slows spraying across many.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Forgot-password and reset-password submissions, per client IP address.</summary>
    public const string PasswordReset = "password-reset";

    /// <summary>
    /// Pages that ask a signed-in person for their password again (password, email, two-step and passkey changes,
    /// erasure), per account (per client address when signed out); lockout stops guessing on one account, this slows
    /// a stolen session from wearing it down and from probing through the page's other answers.
    /// </summary>
    public const string Reauthentication = "reauthentication";

    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindSettings(RateLimitOptions.Section);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            options.AddPolicy(PublicForms, context => PostsPerClient(context, Limits(context).PublicFormsPerHour, TimeSpan.FromHours(1)));
            options.AddPolicy(SignIn, context => PostsPerClient(context, Limits(context).SignInPerMinute, TimeSpan.FromMinutes(1)));
            options.AddPolicy(PasswordReset, context => PostsPerClient(context, Limits(context).PasswordResetPerHour, TimeSpan.FromHours(1)));
            options.AddPolicy(Reauthentication, context => PostsPerAccount(context, Limits(context).ReauthenticationPerHour, TimeSpan.FromHours(1)));
        });
        return services;
    }

    public static RateLimitOptions Limits(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static RateLimitPartition<string> PostsPerAccount(HttpContext context, int permits, TimeSpan window) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter("user:" + userId, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
            : PostsPerClient(context, permits, window);

    private static RateLimitPartition<string> PostsPerClient(HttpContext context, int permits, TimeSpan window)
    {
        // Only submissions (POSTs, including ones re-shown with validation errors) count; reading the form does not.
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("reads");
        }

        return RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
    }
}

using System.Threading.RateLimiting;

namespace CecPortal.Web.Infrastructure.Web;

public static class RateLimiting
{
    /// <summary>Public form submissions (membership applications), per client IP address.</summary>
    public const string PublicForms = "public-forms";

    /// <summary>Sign-in attempts, per client IP address; lockout protects each account, this slows spraying across many.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Forgot-password and reset-password submissions, per client IP address.</summary>
    public const string PasswordReset = "password-reset";

    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimits:PublicFormsPerHour", 10);
        var signInPermits = configuration.GetValue("RateLimits:SignInPerMinute", 10);
        var passwordResetPermits = configuration.GetValue("RateLimits:PasswordResetPerHour", 20);
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
            options.AddPolicy(PublicForms, context => PostsPerClient(context, permits, TimeSpan.FromHours(1)));
            options.AddPolicy(SignIn, context => PostsPerClient(context, signInPermits, TimeSpan.FromMinutes(1)));
            options.AddPolicy(PasswordReset, context => PostsPerClient(context, passwordResetPermits, TimeSpan.FromHours(1)));
        });
        return services;
    }

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

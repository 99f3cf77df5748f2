
namespace CecPortal.Web.Infrastructure.Web;

/// <summary>Requests per client IP address (section <c>RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    private const int Most = 1_000_000;

    [Range(1, Most)]
    public int PublicFormsPerHour { get; set; } = 10;

    [Range(1, Most)]
    public int SignInPerMinute { get; set; } = 10;

    [Range(1, Most)]
    public int PasswordResetPerHour { get; set; } = 20;

    /// <summary>Posts to the pages that ask for the password again, per account and hour (all such pages together).</summary>
    [Range(1, Most)]
    public int ReauthenticationPerHour { get; set; } = 30;

    [Range(1, Most)]
    public int UnsubscribePerMinute { get; set; } = 60;
}

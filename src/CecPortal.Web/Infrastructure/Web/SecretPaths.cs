namespace CecPortal.Web.Infrastructure.Web;

/// <summary>
/// The addresses whose path carries a secret or a capability: the feed, calendar and unsubscribe tokens, and the
/// applicant's status, sponsor and verification links (the application id beside their token). Password, welcome
/// and email-change links carry theirs in the query string, which is never recorded at all. One list for
/// everything that writes a request's address somewhere (traces; logs do not write paths, see
/// <see cref="SecretUrlLogging"/>).
/// </summary>
public static class SecretPaths
{
    public const string Redacted = "{redacted}";

    /// <summary>Each prefix is followed by one secret segment.</summary>
    public static readonly IReadOnlyList<PathString> SecretSegmentAfter =
    [
        "/briefings/feed",
        "/webinars/calendar",
        "/unsubscribe",
        "/apply/status",
        "/apply/sponsor",
        "/apply/verify",
    ];

    /// <summary>The path with its secret segment and anything after it replaced: <c>/briefings/feed/{redacted}</c>.</summary>
    public static string Redact(PathString path)
    {
        foreach (var prefix in SecretSegmentAfter)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase, out var remaining) && remaining.HasValue && remaining != "/")
            {
                return $"{prefix}/{Redacted}";
            }
        }

        return path.Value ?? string.Empty;
    }
}

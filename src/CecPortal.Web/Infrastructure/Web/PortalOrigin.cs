using System.Net;

namespace CecPortal.Web.Infrastructure.Web;

/// <summary>
/// <c>Portal:BaseUrl</c>, the portal's one public address. Every absolute link (emails, calendars, the Atom feed,
/// unsubscribe headers) and the passkey relying party come from it, never from the request's Host header, which a
/// client chooses. Checked at start-up: an absolute root address, https outside Development (http only for a
/// loopback name, which no other machine can reach, as in the local docker compose trial).
/// </summary>
public sealed class PortalOrigin : IValidatableObject
{
    public const string Setting = "Portal:BaseUrl";

    public string? BaseUrl { get; set; }

    /// <summary>Development: plain http is accepted for any host.</summary>
    public bool PlainHttpAllowed { get; set; }

    /// <summary>The validated address, e.g. <c>https://portal.cisos.eu/</c> (a method, so that the settings check does not read it).</summary>
    public Uri ToUri() => Parse(BaseUrl) ?? throw new InvalidOperationException($"{Setting} is not an absolute address; the start-up check reports it.");

    public static void Read(PortalOrigin origin, IConfiguration configuration, IHostEnvironment environment)
    {
        origin.BaseUrl = configuration[Setting]?.Trim();
        origin.PlainHttpAllowed = environment.IsDevelopment();
    }

    /// <summary>The root address in <paramref name="value"/>, or null unless it is an absolute http(s) address without path, query, fragment or user.</summary>
    public static Uri? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)
            || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(uri.Host)
            || uri.UserInfo.Length > 0
            || uri.AbsolutePath != "/"
            || uri.Query.Length > 0
            || uri.Fragment.Length > 0)
        {
            return null;
        }

        return new Uri(uri.GetLeftPart(UriPartial.Authority));
    }

    /// <summary>The absolute address of <paramref name="pathAndQuery"/> on the portal, e.g. <c>/account/login</c>.</summary>
    public string Absolute(string pathAndQuery) => ToUri().GetLeftPart(UriPartial.Authority) + "/" + pathAndQuery.TrimStart('/');

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        const string example = "such as https://portal.example.eu";
        if (string.IsNullOrWhiteSpace(BaseUrl))
        {
            yield return new ValidationResult($"{Setting} is required: the portal's public address, {example}, from which every emailed link is built.");
        }
        else if (Parse(BaseUrl) is not { } address)
        {
            yield return new ValidationResult($"{Setting} must be the portal's root address, {example}, without path, query or fragment (was '{BaseUrl}').");
        }
        else if (address.Scheme != Uri.UriSchemeHttps && !PlainHttpAllowed && !IsLoopback(address))
        {
            yield return new ValidationResult($"{Setting} must start with https:// outside Development (was '{BaseUrl}').");
        }
    }

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}

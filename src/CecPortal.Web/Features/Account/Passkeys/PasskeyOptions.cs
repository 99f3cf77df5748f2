namespace CecPortal.Web.Features.Account.Passkeys;

/// <summary>
/// Where passkeys belong. WebAuthn binds each passkey to a relying-party domain; the portal takes it from configuration
/// and never from the request's Host header, so a forged Host cannot make the browser mint passkeys for another site.
/// </summary>
public sealed class PasskeyOptions
{
    public const string Section = "Passkeys";

    /// <summary>The relying-party id, e.g. <c>portal.cisos.eu</c>; by default the host of <c>Portal:BaseUrl</c>.</summary>
    public string? ServerDomain { get; set; }

    /// <summary>The origins a ceremony may come from, e.g. <c>https://portal.cisos.eu</c>; by default the origin of <c>Portal:BaseUrl</c>.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>The settings in force: configured values, else those of the portal's public address <paramref name="portal"/>.</summary>
    public static (string ServerDomain, IReadOnlyList<string> Origins) Resolve(IConfiguration configuration, Uri portal)
    {
        var options = configuration.GetSection(Section).Get<PasskeyOptions>() ?? new PasskeyOptions();
        var domain = string.IsNullOrWhiteSpace(options.ServerDomain) ? portal.Host : options.ServerDomain.Trim().ToLowerInvariant();
        var origins = options.AllowedOrigins.Count > 0
            ? options.AllowedOrigins.Select(o => o.Trim().TrimEnd('/')).ToList()
            : [portal.GetLeftPart(UriPartial.Authority)];
        foreach (var origin in origins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || !(uri.Host.Equals(domain, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase)))
            {
                throw new PortalConfigurationException($"Passkeys__AllowedOrigins: '{origin}' is not an address on the passkey domain '{domain}' (Passkeys__ServerDomain).");
            }
        }

        return (domain, origins);
    }
}

using System.Net;

namespace CecPortal.Web.Infrastructure.Web;

/// <summary>
/// The TLS-terminating proxies in front of the portal (section <c>ForwardedHeaders</c>). Only a request whose TCP peer
/// is one of them may say, in X-Forwarded-For and X-Forwarded-Proto, who the client is and that it used https. None is
/// trusted by default, not even loopback: a forged header from anywhere else changes nothing.
/// </summary>
public sealed class ReverseProxyOptions : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c> (<c>ForwardedHeaders__KnownProxies__0</c>).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>10.0.0.0/24</c> (<c>ForwardedHeaders__KnownNetworks__0</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p.Trim(), out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies must hold IP addresses such as 10.0.0.5 (was '{proxy}').");
        }

        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n.Trim(), out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownNetworks must hold networks in CIDR notation such as 10.0.0.0/24 (was '{network}').");
        }
    }
}

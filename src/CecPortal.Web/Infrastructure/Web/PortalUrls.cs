namespace CecPortal.Web.Infrastructure.Web;

/// <summary>
/// Absolute links for emails, calendars and feeds, always on <c>Portal:BaseUrl</c>: the request's Host and scheme are
/// chosen by the client (a forged Host would otherwise put an attacker's address in a password-reset email).
/// </summary>
public sealed class PortalUrls(IOptions<PortalOrigin> origin)
{
    public string Absolute(string pathAndQuery) => origin.Value.Absolute(pathAndQuery);
}

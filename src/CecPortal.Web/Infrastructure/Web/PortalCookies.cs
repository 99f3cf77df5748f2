using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CecPortal.Web.Infrastructure.Web;

/// <summary>
/// The portal's cookies. Outside Development each is named with the <c>__Host-</c> prefix: the browser then accepts it
/// only with Secure, Path=/ and no Domain, from the exact host, so a sibling subdomain cannot plant or overwrite it.
/// Development keeps the plain names, because browsers refuse <c>__Host-</c> cookies without Secure over http; so does a
/// trial outside Development whose <c>Portal:BaseUrl</c> is plain http on a loopback name (docker compose on
/// http://localhost:8080, the benchmarks), the only plain address the start-up check lets through there.
/// </summary>
public static class PortalCookies
{
    public const string HostPrefix = "__Host-";

    /// <summary>Whether cookies must be Secure and <c>__Host-</c> named: outside Development, unless the public address is plain http.</summary>
    public static bool Strict(IHostEnvironment environment, IConfiguration configuration) =>
        !environment.IsDevelopment() && PortalOrigin.Parse(configuration[PortalOrigin.Setting])?.Scheme != Uri.UriSchemeHttp;

    /// <summary><paramref name="name"/>, with <see cref="HostPrefix"/> when <see cref="Strict"/>.</summary>
    public static string Name(IHostEnvironment environment, IConfiguration configuration, string name) =>
        Strict(environment, configuration) ? HostPrefix + name : name;

    /// <summary>Always Secure when <see cref="Strict"/>, else Secure over https only (SameAsRequest); Path=/ and no Domain.</summary>
    public static void Apply(CookieBuilder cookie, IHostEnvironment environment, IConfiguration configuration, string name)
    {
        cookie.Name = Name(environment, configuration, name);
        cookie.Path = "/";
        cookie.Domain = null;
        cookie.SecurePolicy = Strict(environment, configuration) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    }

    /// <summary>Names and flags for the cookies other than the session: antiforgery, TempData, Identity's two-step and external ones.</summary>
    public static IServiceCollection AddPortalCookies(this IServiceCollection services)
    {
        services.AddOptions<AntiforgeryOptions>().Configure<IHostEnvironment, IConfiguration>((options, environment, configuration) => Apply(options.Cookie, environment, configuration, "cec.antiforgery"));
        services.AddOptions<CookieTempDataProviderOptions>().Configure<IHostEnvironment, IConfiguration>((options, environment, configuration) => Apply(options.Cookie, environment, configuration, "cec.tempdata"));
        foreach (var (scheme, name) in new[]
        {
            (IdentityConstants.TwoFactorUserIdScheme, "cec.2fa"),
            (IdentityConstants.TwoFactorRememberMeScheme, "cec.2fa-remember"),
            (IdentityConstants.ExternalScheme, "cec.external"),
        })
        {
            services.AddOptions<CookieAuthenticationOptions>(scheme).Configure<IHostEnvironment, IConfiguration>((options, environment, configuration) => Apply(options.Cookie, environment, configuration, name));
        }

        return services;
    }
}

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CecPortal.Web.Infrastructure.Web;

/// <summary>
/// The portal's cookies. Outside Development each is named with the <c>__Host-</c> prefix: the browser then accepts it
/// only with Secure, Path=/ and no Domain, from the exact host, so a sibling subdomain cannot plant or overwrite it.
/// Development keeps the plain names, because browsers refuse <c>__Host-</c> cookies without Secure over http.
/// </summary>
public static class PortalCookies
{
    public const string HostPrefix = "__Host-";

    /// <summary><paramref name="name"/>, with <see cref="HostPrefix"/> outside Development.</summary>
    public static string Name(IHostEnvironment environment, string name) => environment.IsDevelopment() ? name : HostPrefix + name;

    /// <summary>Secure over https in Development (SameAsRequest), always elsewhere; Path=/ and no Domain.</summary>
    public static void Apply(CookieBuilder cookie, IHostEnvironment environment, string name)
    {
        cookie.Name = Name(environment, name);
        cookie.Path = "/";
        cookie.Domain = null;
        cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    }

    /// <summary>Names and flags for the cookies other than the session: antiforgery, TempData, Identity's two-step and external ones.</summary>
    public static IServiceCollection AddPortalCookies(this IServiceCollection services)
    {
        services.AddOptions<AntiforgeryOptions>().Configure<IHostEnvironment>((options, environment) => Apply(options.Cookie, environment, "cec.antiforgery"));
        services.AddOptions<CookieTempDataProviderOptions>().Configure<IHostEnvironment>((options, environment) => Apply(options.Cookie, environment, "cec.tempdata"));
        foreach (var (scheme, name) in new[]
        {
            (IdentityConstants.TwoFactorUserIdScheme, "cec.2fa"),
            (IdentityConstants.TwoFactorRememberMeScheme, "cec.2fa-remember"),
            (IdentityConstants.ExternalScheme, "cec.external"),
        })
        {
            services.AddOptions<CookieAuthenticationOptions>(scheme).Configure<IHostEnvironment>((options, environment) => Apply(options.Cookie, environment, name));
        }

        return services;
    }
}

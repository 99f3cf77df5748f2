using CecPortal.Web.Features.Account;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CecPortal.UnitTests.Infrastructure.Web;

public sealed class PortalIdentityTests
{
    [Theory]
    [InlineData("Production", CookieSecurePolicy.Always, "__Host-cec.auth")]
    [InlineData("Staging", CookieSecurePolicy.Always, "__Host-cec.auth")]
    [InlineData("Development", CookieSecurePolicy.SameAsRequest, "cec.auth")]
    public void AuthCookie_InEnvironment_SecureAndHostPrefixedOutsideDevelopmentHttpOnlyLax(string environment, CookieSecurePolicy expected, string name)
    {
        // Arrange
        using var services = Services(environment, new Dictionary<string, string?> { ["Security:IdleTimeout"] = "00:20:00" });

        // Act
        var cookie = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        // Assert
        cookie.Cookie.SecurePolicy.ShouldBe(expected);
        cookie.Cookie.Name.ShouldBe(name);
        cookie.Cookie.Path.ShouldBe("/");
        cookie.Cookie.Domain.ShouldBeNull();
        cookie.Cookie.HttpOnly.ShouldBeTrue();
        cookie.Cookie.SameSite.ShouldBe(SameSiteMode.Lax);
        cookie.SlidingExpiration.ShouldBeTrue();
        cookie.ExpireTimeSpan.ShouldBe(TimeSpan.FromMinutes(20));
    }

    [Theory]
    [InlineData("Production", "__Host-")]
    [InlineData("Development", "")]
    public void OtherCookies_InEnvironment_HostPrefixedAndSecureOutsideDevelopment(string environment, string prefix)
    {
        // Arrange
        using var services = Services(environment, []);
        var schemes = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();

        // Act
        CookieBuilder[] cookies =
        [
            services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie,
            services.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie,
            schemes.Get(IdentityConstants.TwoFactorUserIdScheme).Cookie,
            schemes.Get(IdentityConstants.TwoFactorRememberMeScheme).Cookie,
            schemes.Get(IdentityConstants.ExternalScheme).Cookie,
        ];

        // Assert
        cookies.Select(c => c.Name).ShouldBe([prefix + "cec.antiforgery", prefix + "cec.tempdata", prefix + "cec.2fa", prefix + "cec.2fa-remember", prefix + "cec.external"]);
        cookies.ShouldAllBe(c => c.Path == "/" && c.Domain == null);
        if (prefix.Length > 0)
        {
            cookies.ShouldAllBe(c => c.SecurePolicy == CookieSecurePolicy.Always);
        }
    }

    [Theory]
    [InlineData("https://portal.cec.example", "__Host-", CookieSecurePolicy.Always)]
    [InlineData("http://localhost:8080", "", CookieSecurePolicy.SameAsRequest)]
    public void Cookies_OutsideDevelopment_PlainOnlyForAPlainHttpPublicAddress(string baseUrl, string prefix, CookieSecurePolicy expected)
    {
        // Arrange: a trial on http://localhost (docker compose) must still render forms; antiforgery refuses a
        // Secure-only cookie policy on a plain http request.
        using var services = Services("Production", new Dictionary<string, string?> { ["Portal:BaseUrl"] = baseUrl });

        // Act
        var antiforgery = services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie;
        var session = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie;

        // Assert
        antiforgery.Name.ShouldBe(prefix + "cec.antiforgery");
        session.Name.ShouldBe(prefix + "cec.auth");
        antiforgery.SecurePolicy.ShouldBe(expected);
        session.SecurePolicy.ShouldBe(expected);
    }

    [Fact]
    public void PasswordOptions_Configured_LengthOnlyWithoutCompositionRules()
    {
        // Arrange
        using var services = Services("Production", []);

        // Act
        var password = services.GetRequiredService<IOptions<IdentityOptions>>().Value.Password;

        // Assert
        password.RequiredLength.ShouldBe(12);
        password.RequireDigit.ShouldBeFalse();
        password.RequireLowercase.ShouldBeFalse();
        password.RequireUppercase.ShouldBeFalse();
        password.RequireNonAlphanumeric.ShouldBeFalse();
        password.RequiredUniqueChars.ShouldBe(1);
        services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount.ShouldBeGreaterThanOrEqualTo(210_000);
    }

    [Fact]
    public void SessionOptions_AbsoluteShorterThanIdle_FailsValidation()
    {
        // Arrange
        using var services = Services("Production", new Dictionary<string, string?> { ["Security:IdleTimeout"] = "01:00:00", ["Security:AbsoluteTimeout"] = "00:30:00" });

        // Act
        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<PortalSessionOptions>>().Value);

        // Assert
        error.Message.ShouldContain("Security__AbsoluteTimeout");
    }

    private static ServiceProvider Services(string environment, Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new TestEnvironment { EnvironmentName = environment });
        services.AddSingleton(TimeProvider.System);
        services.AddAntiforgery();
        services.AddRazorPages();
        services.AddPortalIdentity(configuration);
        return services.BuildServiceProvider();
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public required string EnvironmentName { get; set; }

        public string ApplicationName { get; set; } = "CecPortal.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

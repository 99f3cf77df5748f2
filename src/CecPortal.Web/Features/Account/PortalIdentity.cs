using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CecPortal.Web.Features.Account.BreachedPasswords;
using CecPortal.Web.Features.Account.Passkeys;
using CecPortal.Web.Features.Account.TwoFactor;
using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Operations;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace CecPortal.Web.Features.Account;

/// <summary>
/// Identity for the portal's accounts: the key ring, password and lockout rules, two-step sign-in, passkeys, the
/// session cookie, and the audited user manager. Who may open which page is in <c>Features/PortalAccess.cs</c>.
/// </summary>
public static class PortalIdentity
{
    /// <summary>The session cookie: <c>cec.auth</c> in Development, <c>__Host-cec.auth</c> elsewhere (see <see cref="PortalCookies"/>).</summary>
    public const string AuthCookieName = "cec.auth";

    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        // One key ring for every process of the portal (web nodes, the CLI): cookies and emailed tokens stay valid.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("CecPortal")
            .PersistKeysToDbContext<AppDbContext>();
        ProtectKeyRing(dataProtection, configuration);

        services.AddIdentity<PortalUser, IdentityRole>(options =>
            {
                options.SignIn.RequireConfirmedEmail = true;
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;
                // OWASP ASVS 5.0: length and a common-password check, no composition rules (the forms cap length at 128).
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // Version 3 adds the passkeys table (WebAuthn credentials).
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            // Identity's store with the authenticator key encrypted and recovery codes hashed (the last registration wins).
            .AddUserStore<PortalUserStore>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddPasswordValidator<BreachedPasswordValidator>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<WelcomeTokenProvider>(WelcomeTokenProvider.ProviderName)
            // Under the authenticator provider's own name, so every code check (sign-in, enrolment) refuses replays.
            .AddTokenProvider<ReplayProtectedAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddSignInManager<PortalSignInManager>();

        services.AddSingleton<AuthenticatorKeyProtection>();

        // OWASP's figure for PBKDF2-HMAC-SHA512; older hashes still verify and are rehashed at the next sign-in.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = PasswordPolicy.HashIterations);
        services.AddSingleton<UnknownAccountPassword>();
        services.AddOptions<BreachedPasswordOptions>().BindSettings(BreachedPasswordOptions.Section);
        // No HttpClient request logging: the request path holds the start of the password's hash.
        services.AddHttpClient<BreachedPasswordClient>(BreachedPasswordClient.Configure).RemoveAllLoggers();

        // Suspension or a password change ends other sessions within a minute.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((options, time) =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.TimeProvider = time;
            options.OnRefreshingPrincipal = SessionLifetime.OnRefreshingPrincipal;
        });
        services.AddOptions<StaffMfaOptions>().BindSettings(StaffMfaOptions.Section);
        services.AddPortalPasskeys();
        services.AddOptions<PortalSessionOptions>().BindSettings(PortalSessionOptions.Section);

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.HttpOnly = true;
            // Lax, not Strict: a member following a link from an email arrives signed in.
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.Events.OnSigningIn = SessionLifetime.OnSigningIn;
            options.Events.OnValidatePrincipal = SessionLifetime.ValidatePrincipal(options.Events.OnValidatePrincipal);
            options.Events.OnCheckSlidingExpiration = BackgroundRequests.OnCheckSlidingExpiration;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // A signed-in user without the role gets a real 403 (rendered by the status code page), not a redirect.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // Sliding idle timeout from configuration (the absolute one is checked by SessionLifetime), and the cookie's name
        // and Secure flag, which depend on the environment and the public address.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<PortalSessionOptions>, IHostEnvironment, TimeProvider>((options, session, environment, time) =>
            {
                // The portal's clock, so that idle and absolute timeouts agree (and tests can move it).
                options.TimeProvider = time;
                options.ExpireTimeSpan = session.Value.IdleTimeout;
                PortalCookies.Apply(options.Cookie, environment, configuration, AuthCookieName);
            });
        services.AddPortalCookies();

        // Replaces Identity's UserManager so that password changes are audited: after AddIdentity, as the last registration wins.
        services.AddScoped<UserManager<PortalUser>, AuditedUserManager>();
        return services;
    }

    /// <summary>
    /// Encrypts every new key of the ring with the configured certificate before it is written to the database, and
    /// decrypts with it and the previous ones. A missing or unreadable certificate is left to <see cref="KeyRingOptions"/>'
    /// check, which reports it with every other setting before anything starts; without one (Development) the
    /// framework logs that keys are stored unencrypted.
    /// </summary>
    private static void ProtectKeyRing(IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        dataProtection.Services.AddOptions<KeyRingOptions>()
            .BindSettings(KeyRingOptions.Section)
            .Configure<IHostEnvironment>(KeyRingOptions.RequireOutsideDevelopment);

        var settings = new KeyRingOptions();
        configuration.GetSection(KeyRingOptions.Section).Bind(settings);
        X509Certificate2? current;
        IReadOnlyList<X509Certificate2> previous;
        try
        {
            current = settings.LoadCertificate();
            previous = settings.LoadPreviousCertificates();
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return;
        }

        if (current is not null)
        {
            dataProtection.ProtectKeysWithCertificate(current);
        }

        dataProtection.UnprotectKeysWithAnyCertificate([.. previous]);
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CecPortal.Testing;

/// <summary>
/// The real portal (Program) on a real PostgreSQL database, sending mail to a loopback SMTP server, in
/// Development so that demo seeding and /dev pages behave as for a newcomer.
/// </summary>
public sealed class PortalFactory(string? connectionString, int? smtpPort, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The password of every demo account in tests.</summary>
    public const string DemoPassword = "Test-Passw0rd!2026";

    public const string AdminEmail = "admin@demo.cec.example";
    public const string MemberEmail = "member@demo.cec.example";
    public const string EditorEmail = "editor@demo.cec.example";
    public const string ModeratorEmail = "moderator@demo.cec.example";
    public const string PolicyEmail = "policy@demo.cec.example";
    public const string CountryVetterEmail = "vetter.country@demo.cec.example";
    public const string SectorVetterEmail = "vetter.sector@demo.cec.example";

    /// <summary>
    /// PBKDF2 iterations of the passwords a test portal hashes. The portal's own 210,000 (<c>PasswordPolicy.HashIterations</c>)
    /// cost about 100 ms of CPU per sign-in, which was a quarter of the integration suite's CPU; the hasher, the hash format
    /// and the rehash on sign-in stay the real ones. <c>PasswordPolicyTests</c> runs on a portal with the real count.
    /// </summary>
    public const int TestHashIterations = 1_000;

    /// <summary>Service replacements for one portal (for example a fake clock), applied after the portal's own.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Hash passwords with the portal's own iteration count instead of <see cref="TestHashIterations"/>.</summary>
    public bool ProductionPasswordHashing { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", connectionString ?? string.Empty);
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Demo:SeedOnStartup", "true");

        // Tests arrange their own applications; MembershipDemoDataTests covers the demo ones.
        builder.UseSetting("Demo:SeedApplications", "false");

        // Tests start with no briefings; BriefingDemoDataTests turns the demo ones on.
        builder.UseSetting("Demo:SeedBriefings", "false");

        // Tests start with no webinars; WebinarDemoDataTests turns the demo ones on.
        builder.UseSetting("Demo:SeedWebinars", "false");

        // Tests start with no consultations; ConsultationDemoDataTests turns the demo ones on.
        builder.UseSetting("Demo:SeedConsultations", "false");

        // Tests start with an empty sharing space; SharingDemoDataTests turns the demo one on.
        builder.UseSetting("Demo:SeedSharing", "false");

        // Tests start with no member due to confirm their role; AttestationDemoDataTests turns the demo ones on.
        builder.UseSetting("Demo:SeedAttestations", "false");
        builder.UseSetting("Jobs:WorkerCount", "2");

        // The stylesheets and scripts carry their fingerprint in their address; served as in Production (a year,
        // immutable) rather than Development's no-cache, a browser test's Chromium keeps them instead of asking the
        // portal for each again on every page (Chromium's CPU per page: 295 -> 240 ms).
        builder.UseSetting("EnableStaticAssetsDevelopmentCaching", "true");

        // Tests sign in and reset passwords far more often than a person; the class that proves each limit sets it low.
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:PasswordResetPerHour", "100000");
        builder.UseSetting("Jobs:QueuePollInterval", "00:00:00.250");

        // Scheduled jobs (an email after its transaction, a reminder, a retry) are due within a second, not 15.
        builder.UseSetting("Jobs:SchedulePollingInterval", "00:00:01");

        // Most tests sign in as staff with a password only. The staff two-step sign-in rule has its own tests
        // (StaffMfaEnforcementTests), which turn it back on.
        builder.UseSetting("Security:RequireStaffMfa", "false");
        if (smtpPort is { } port)
        {
            builder.UseSetting("Email:Host", IPAddress.Loopback.ToString());
            builder.UseSetting("Email:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Email:Security", "None");
        }
        else
        {
            builder.UseSetting("Portal:DataDirectory", Path.Combine(Path.GetTempPath(), $"cecportal-factory-{Guid.NewGuid():N}"));
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (!ProductionPasswordHashing)
        {
            builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(options => options.IterationCount = TestHashIterations));
        }

        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }
}

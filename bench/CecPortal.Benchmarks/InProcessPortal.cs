using System.Globalization;
using CecPortal.Benchmarks.Http;
using CecPortal.Testing;

namespace CecPortal.Benchmarks;

/// <summary>The real portal (Program) hosted inside the benchmark's own process, for benchmarks that call its services directly.</summary>
internal static class InProcessPortal
{
    /// <summary>
    /// The portal without a Hangfire server or demo seed, sending to the SMTP server on 127.0.0.1:<paramref name="smtpPort"/>
    /// (no TLS, no auth; none: a pickup directory) with at most <paramref name="smtpConnections"/> concurrent SMTP
    /// connections; <paramref name="settings"/> are added to (and override) these.
    /// </summary>
    public static PortalFactory Start(string connectionString, int? smtpPort, int smtpConnections, IReadOnlyDictionary<string, string?>? settings = null)
    {
        // WebApplicationFactory finds the portal's content root through this variable outside a test project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CECPORTAL_WEB", Path.Combine(WebProcess.RepositoryRoot(), "src", "CecPortal.Web"));
        var all = new Dictionary<string, string?>
        {
            ["Demo:SeedOnStartup"] = "false",
            ["Jobs:ServerEnabled"] = "false",
            ["Briefings:SmtpConcurrency"] = smtpConnections.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var portal = new PortalFactory(connectionString, smtpPort, all);
        _ = portal.Services;
        return portal;
    }
}

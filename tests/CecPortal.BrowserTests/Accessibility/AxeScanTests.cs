using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace CecPortal.BrowserTests.Accessibility;

/// <summary>
/// axe-core on every page of the portal, as everyone who may open it (anonymous and each demo role), with the demo
/// seed's data: no serious or critical violation of WCAG 2.2 A/AA. The full findings, minor ones included, are written
/// to <c>TestResults/accessibility/axe.md</c> next to the test assembly.
/// </summary>
public sealed class AxeScanTests(DemoBrowserPortal portal) : IClassFixture<DemoBrowserPortal>
{
    /// <summary>The WCAG 2.2 A and AA rules, and axe's best practices.</summary>
    private static readonly List<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    /// <summary>Pages scanned at once (each persona has its own browser context).</summary>
    private const int Parallel = 3;

    [Fact]
    public async Task ScanEveryPage_EveryPersonaThatMayOpenIt_NoSeriousOrCriticalViolations()
    {
        // Arrange
        var pages = await PageSurvey.PagesAsync(portal.Services);
        var findings = new ConcurrentBag<Finding>();
        var scanned = new ConcurrentBag<(string Persona, string Url)>();
        using var gate = new SemaphoreSlim(Parallel);

        // Act
        await Task.WhenAll(PageSurvey.Personas.Select(async persona =>
        {
            var state = persona.Email is null ? null : await portal.StorageStateAsync(persona.Email);
            await using var context = await portal.Browser.NewContextAsync(portal.ContextOptions(state));
            context.SetDefaultTimeout(30_000);
            var page = await context.NewPageAsync();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var url in pages)
            {
                await gate.WaitAsync(TestContext.Current.CancellationToken);
                try
                {
                    var response = await page.GotoAsync(url);
                    var landed = new Uri(page.Url).PathAndQuery;
                    if (!MayOpen(url, landed, response) || !seen.Add(new Uri(page.Url).AbsolutePath))
                    {
                        continue;
                    }

                    var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = Tags } });
                    scanned.Add((persona.Name, landed));
                    foreach (var violation in result.Violations)
                    {
                        findings.Add(new Finding(persona.Name, landed, violation.Id, violation.Impact ?? "unknown", violation.Help, [.. violation.Nodes.Select(n => n.Target?.ToString() ?? "?")]));
                    }
                }
                finally
                {
                    gate.Release();
                }
            }
        }));

        // Assert
        var report = Report(scanned, findings);
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "accessibility");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "axe.md"), report, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        scanned.Select(s => s.Url).Distinct().Count().ShouldBeGreaterThan(pages.Count / 2, "most pages were scanned by someone");
        findings.Where(f => f.Impact is "serious" or "critical").ShouldBeEmpty(report);
    }

    /// <summary>The person may open the page: it did not send them to sign in and did not refuse them.</summary>
    private static bool MayOpen(string url, string landed, IResponse? response)
    {
        var signIn = landed.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase);
        var refused = response?.Status is (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.NotFound && !url.StartsWith("/error/", StringComparison.Ordinal) && !url.StartsWith("/account/access-denied", StringComparison.Ordinal);
        return !signIn && !refused;
    }

    private static string Report(IEnumerable<(string Persona, string Url)> scanned, IEnumerable<Finding> findings)
    {
        var all = findings.OrderBy(f => f.Url, StringComparer.Ordinal).ThenBy(f => f.Persona, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# axe-core: {scanned.Count()} scans of {scanned.Select(s => s.Url).Distinct().Count()} pages");
        text.AppendLine();
        text.AppendLine("| impact | rule | scans | pages |");
        text.AppendLine("|---|---|---|---|");
        foreach (var rule in all.GroupBy(f => (f.Impact, f.Rule)).OrderBy(g => Rank(g.Key.Impact)).ThenBy(g => g.Key.Rule, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {rule.Key.Impact} | {rule.Key.Rule}: {rule.First().Help} | {rule.Count()} | {string.Join(", ", rule.Select(f => f.Url).Distinct().Take(12))} |");
        }

        text.AppendLine();
        foreach (var line in all.Where(f => f.Impact is "serious" or "critical").Select(f => $"- {f.Impact} {f.Rule} on {f.Url} as {f.Persona}: {string.Join(" ; ", f.Targets)}").Distinct(StringComparer.Ordinal))
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }

    private static int Rank(string impact) => impact switch
    {
        "critical" => 0,
        "serious" => 1,
        "moderate" => 2,
        _ => 3,
    };

    private sealed record Finding(string Persona, string Url, string Rule, string Impact, string Help, string[] Targets);
}

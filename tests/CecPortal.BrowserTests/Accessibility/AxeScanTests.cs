using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Playwright;
using Shouldly;

namespace CecPortal.BrowserTests.Accessibility;

/// <summary>
/// Every page of the portal, as everyone who may open it (anonymous and each demo role), with the demo seed's data:
/// axe-core finds no serious or critical violation of WCAG 2.2 A/AA and nothing scrolls sideways at desktop width; at a
/// phone's 375 px nothing scrolls sideways and every touch target passes axe's 24 px rule; and no page logs a console
/// error, throws or breaks its Content Security Policy. The full findings, minor ones included, are written to
/// <c>TestResults/accessibility/axe.md</c> next to the test assembly.
/// </summary>
[Collection(DemoPortalCollection.Name)]
public sealed class AxeScanTests(DemoBrowserPortal portal)
{
    /// <summary>The WCAG 2.2 A and AA rules, and axe's best practices.</summary>
    private static readonly List<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    /// <summary>Pages scanned at once (each persona has its own browser context).</summary>
    private const int Parallel = 3;

    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    /// <summary>The narrowest phone the issue names (an iPhone mini or SE held upright).</summary>
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    /// <summary>
    /// What makes a page at this width scroll sideways: each element whose right edge passes the viewport's and that is
    /// not inside a box that scrolls or clips on its own (a wide table inside <c>.table-responsive</c> is fine).
    /// </summary>
    private const string SidewaysOverflow = """
        () => {
            const root = document.documentElement;
            const width = root.clientWidth;
            if (root.scrollWidth <= width) return [];
            const clipped = el => {
                for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                    if (getComputedStyle(p).overflowX !== 'visible') return true;
                }
                return false;
            };
            const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + (el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : '')
                + [...el.classList].slice(0, 3).map(c => '.' + c).join('');
            const out = [...document.body.querySelectorAll('*')]
                .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > width + 0.5 && !clipped(el); })
                .map(el => `${name(el)} reaches ${Math.round(el.getBoundingClientRect().right)} px`);
            return out.length ? out.slice(0, 4) : [`the page is ${root.scrollWidth} px wide`];
        }
        """;
    /// <summary>
    /// What the page shows inside <c>main</c>, less what changes on every request (antiforgery tokens, nonces). Two
    /// personas who get the same content there see the same page but for the navigation and banners, which each
    /// persona's own first pages scan.
    /// </summary>
    private const string MainContent = """
        () => {
            const main = document.querySelector('main');
            if (!main) return '';
            const copy = main.cloneNode(true);
            copy.querySelectorAll('input[name=__RequestVerificationToken]').forEach(i => i.remove());
            copy.querySelectorAll('[nonce]').forEach(e => e.removeAttribute('nonce'));
            return copy.outerHTML;
        }
        """;

    /// <summary>Each persona's first pages get the full scan whatever their content, so its own navigation is scanned.</summary>
    private const int FullScansPerPersona = 3;

    [Fact]
    public async Task SurveyEveryPage_EveryPersonaThatMayOpenIt_AccessibleFitsAPhoneAndCleanConsole()
    {
        // Arrange
        var pages = await PageSurvey.PagesAsync(portal.Services);
        var findings = new ConcurrentBag<Finding>();
        var scanned = new ConcurrentBag<(string Persona, string Url)>();

        // The full axe run is most of a scan's time. A page whose main content a persona sees exactly as another
        // persona already scanned it (a member page opened by every role) gets the cheap checks only: sideways
        // scroll at both widths and the console (its touch targets were measured with that scan). Content that
        // differs by role is scanned again.
        var scannedContent = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var sameContent = new ConcurrentBag<(string Persona, string Url)>();
        var skipped = new ConcurrentBag<(string Persona, string Url)>();
        var steps = new StepTimes();
        using var gate = new SemaphoreSlim(Parallel);

        // Act
        await Task.WhenAll(PageSurvey.Personas.Select(async persona =>
        {
            var state = persona.Email is null ? null : await portal.StorageStateAsync(persona.Email);
            await using var context = await portal.NewContextAsync(state, Desktop);
            context.SetDefaultTimeout(30_000);
            var page = await context.NewPageAsync();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var fullScans = 0;
            foreach (var url in pages)
            {
                // Asked first over HTTP with the persona's cookies (Playwright's request context, no rendering): about
                // half the openings are pages the persona may not open, or that lead to a page already surveyed, and a
                // browser would render the sign-in or refusal page for each.
                var ask = steps.Start("ask over HTTP whether the page opens");
                var answer = await context.APIRequest.GetAsync(url);
                var answered = (Url: new Uri(answer.Url), answer.Status);
                await answer.DisposeAsync();
                steps.Stop(ask);
                if (!MayOpen(url, answered.Url.PathAndQuery, answered.Status) || seen.Contains(answered.Url.AbsolutePath))
                {
                    skipped.Add((persona.Name, url));
                    continue;
                }

                await gate.WaitAsync(TestContext.Current.CancellationToken);
                try
                {
                    var open = steps.Start("open the page at 1280 px");
                    await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
                    var response = await page.GotoAsync(url);
                    steps.Stop(open);
                    var landed = new Uri(page.Url).PathAndQuery;
                    if (!MayOpen(url, landed, response?.Status) || !seen.Add(new Uri(page.Url).AbsolutePath))
                    {
                        continue;
                    }

                    var content = new Uri(page.Url).AbsolutePath + "\n" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(await page.EvaluateAsync<string>(MainContent))));
                    var fullScan = fullScans < FullScansPerPersona || scannedContent.TryAdd(content, persona.Name);
                    if (fullScan)
                    {
                        scannedContent.TryAdd(content, persona.Name);
                        fullScans++;
                        var axe = steps.Start("axe-core, every rule, 1280 px");
                        var result = await AxeInPage.RunAsync(page, "tag", Tags);
                        steps.Stop(axe);
                        scanned.Add((persona.Name, landed));
                        foreach (var violation in result.Violations)
                        {
                            findings.Add(Finding.Of(persona.Name, landed, violation));
                        }
                    }
                    else
                    {
                        sameContent.Add((persona.Name, landed));
                    }

                    var sideways = steps.Start("sideways scroll at both widths");
                    foreach (var overflow in await page.EvaluateAsync<string[]>(SidewaysOverflow))
                    {
                        findings.Add(new Finding(persona.Name, landed, DesktopOverflow, "serious", "Nothing scrolls sideways at 1280 px", [overflow]));
                    }

                    // The same page on a phone: nothing sideways, and targets a thumb can hit (axe's WCAG 2.2 target-size).
                    await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
                    foreach (var overflow in await page.EvaluateAsync<string[]>(SidewaysOverflow))
                    {
                        findings.Add(new Finding(persona.Name, landed, PhoneOverflow, "serious", "Nothing scrolls sideways at 375 px", [overflow]));
                    }

                    steps.Stop(sideways);

                    // Touch targets in main content another persona's scan covered were measured then, at the same width;
                    // this persona's navigation and banners were measured on its own first pages.
                    if (fullScan)
                    {
                        var targets = steps.Start("axe-core target-size, 375 px");
                        var phone = await AxeInPage.RunAsync(page, "rule", ["target-size"]);
                        steps.Stop(targets);
                        foreach (var violation in phone.Violations)
                        {
                            findings.Add(Finding.Of(persona.Name, landed, violation, " at 375 px"));
                        }
                    }
                }
                finally
                {
                    gate.Release();
                }
            }

            foreach (var problem in ConsoleWatch.Of(context).Problems)
            {
                findings.Add(new Finding(persona.Name, "(console)", "console", "serious", "No console error, script error or CSP violation", [problem]));
            }
        }));

        // Assert
        var report = Report(scanned, sameContent, skipped, findings) + steps.Report();
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "accessibility");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "axe.md"), report, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        scanned.Select(s => s.Url).Distinct().Count().ShouldBeGreaterThan(pages.Count / 2, "most pages were scanned by someone");
        findings.Where(f => f.Impact is "serious" or "critical").ShouldBeEmpty(report);
    }

    /// <summary>The person may open the page: it did not send them to sign in and did not refuse them.</summary>
    private static bool MayOpen(string url, string landed, int? status)
    {
        var signIn = landed.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase);
        var refused = status is (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.NotFound && !url.StartsWith("/error/", StringComparison.Ordinal) && !url.StartsWith("/account/access-denied", StringComparison.Ordinal);
        return !signIn && !refused;
    }

    private static string Report(IEnumerable<(string Persona, string Url)> scanned, IEnumerable<(string Persona, string Url)> sameContent, IEnumerable<(string Persona, string Url)> skipped, IEnumerable<Finding> findings)
    {
        var all = findings.OrderBy(f => f.Url, StringComparer.Ordinal).ThenBy(f => f.Persona, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        // The serious findings come first, so the first lines of a failure (all a CI log keeps) say what broke.
        foreach (var line in all.Where(f => f.Impact is "serious" or "critical").Select(f => $"- {f.Impact} {f.Rule} on {f.Url} as {f.Persona}: {string.Join(" ; ", f.Targets)}").Distinct(StringComparer.Ordinal))
        {
            text.AppendLine(line);
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"# axe-core: {scanned.Count()} scans of {scanned.Select(s => s.Url).Distinct().Count()} pages");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{sameContent.Count()} more openings showed main content another persona's scan had covered: checked for sideways scroll and the console only.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{skipped.Count()} pages were not opened in the browser: over HTTP they sent the persona to sign in, refused them, or led to a page already surveyed for that persona.");
        text.AppendLine();
        text.AppendLine("| impact | rule | scans | pages |");
        text.AppendLine("|---|---|---|---|");
        foreach (var rule in all.GroupBy(f => (f.Impact, f.Rule)).OrderBy(g => Rank(g.Key.Impact)).ThenBy(g => g.Key.Rule, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {rule.Key.Impact} | {rule.Key.Rule}: {rule.First().Help} | {rule.Count()} | {string.Join(", ", rule.Select(f => f.Url).Distinct().Take(12))} |");
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

    /// <summary>The survey's own rule name for a page wider than a phone.</summary>
    private const string PhoneOverflow = "sideways-scroll at 375 px";

    /// <summary>The survey's own rule name for a page wider than a desktop window.</summary>
    private const string DesktopOverflow = "sideways-scroll at 1280 px";

    private sealed record Finding(string Persona, string Url, string Rule, string Impact, string Help, string[] Targets)
    {
        /// <summary>An axe-core violation on <paramref name="url"/>; <paramref name="where"/> follows the rule's id.</summary>
        public static Finding Of(string persona, string url, Deque.AxeCore.Commons.AxeResultItem violation, string where = "") =>
            new(persona, url, violation.Id + where, violation.Impact ?? "unknown", violation.Help, [.. violation.Nodes.Select(n => n.Target?.ToString() ?? "?")]);
    }

    /// <summary>Where the survey's time goes, summed over its parallel scans, for the report.</summary>
    private sealed class StepTimes
    {
        private readonly ConcurrentDictionary<string, (long Ticks, int Count)> _steps = new(StringComparer.Ordinal);

        public (string Step, long Started) Start(string step) => (step, System.Diagnostics.Stopwatch.GetTimestamp());

        public void Stop((string Step, long Started) started)
        {
            var ticks = System.Diagnostics.Stopwatch.GetTimestamp() - started.Started;
            _steps.AddOrUpdate(started.Step, (ticks, 1), (_, sum) => (sum.Ticks + ticks, sum.Count + 1));
        }

        public string Report()
        {
            var text = new StringBuilder();
            text.AppendLine();
            text.AppendLine("| step | times | seconds (summed over parallel scans) |");
            text.AppendLine("|---|---|---|");
            foreach (var (step, (ticks, count)) in _steps.OrderByDescending(s => s.Value.Ticks))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {step} | {count} | {(double)ticks / System.Diagnostics.Stopwatch.Frequency:F1} |");
            }

            return text.ToString();
        }
    }
}

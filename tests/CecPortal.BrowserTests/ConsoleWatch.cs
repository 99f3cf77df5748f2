using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CecPortal.BrowserTests;

/// <summary>
/// What a browser context's pages complained about: console errors, uncaught script errors and Content Security Policy
/// violations. A page that works for the eye but throws in its scripts, or whose CSP blocks one of its own resources,
/// is broken for someone; every browser test fails on it (<see cref="BrowserPortal.RunAsync"/>).
/// </summary>
public sealed partial class ConsoleWatch
{
    /// <summary>
    /// Each page reports its CSP violations through the console as well, in case a browser version stops logging them
    /// itself (report-only policies, for example, are easy to miss).
    /// </summary>
    private const string ReportViolations = """
        document.addEventListener('securitypolicyviolation', e =>
            console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'} (${e.sourceFile || 'page'}:${e.lineNumber})`));
        """;

    private static readonly ConditionalWeakTable<IBrowserContext, ConsoleWatch> Watches = [];

    private readonly ConcurrentQueue<(string Text, string Location, string Report)> _problems = new();
    private readonly ConcurrentDictionary<string, byte> _documents = new(StringComparer.Ordinal);

    private ConsoleWatch()
    {
    }

    /// <summary>The problems so far, in the order they were reported.</summary>
    public IReadOnlyList<string> Problems => [.. _problems.Where(p => !IsDocumentStatus(p.Text, p.Location)).Select(p => p.Report)];

    /// <summary>Starts watching every page of <paramref name="context"/>, present and future.</summary>
    public static async Task<ConsoleWatch> StartAsync(IBrowserContext context)
    {
        var watch = Watches.GetValue(context, _ => new ConsoleWatch());
        await context.AddInitScriptAsync(ReportViolations);
        context.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Status >= 400)
            {
                watch._documents.TryAdd(response.Url, 0);
            }
        };
        context.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                watch._problems.Enqueue((message.Text, message.Location, $"console error on {message.Page?.Url}: {message.Text} ({message.Location})"));
            }
        };
        context.WebError += (_, error) => watch._problems.Enqueue((error.Error, string.Empty, $"uncaught script error on {error.Page?.Url}: {error.Error}"));
        return watch;
    }

    /// <summary>The watch of a context started with <see cref="StartAsync"/>.</summary>
    public static ConsoleWatch Of(IBrowserContext context) =>
        Watches.TryGetValue(context, out var watch) ? watch : throw new InvalidOperationException("This browser context is not watched: open it with BrowserPortal.NewContextAsync.");

    /// <summary>
    /// Chromium logs "Failed to load resource" for every response of 400 or more, the page itself included. A test may
    /// open a 404 or 403 page on purpose; the same message about a script, a stylesheet or a fetch is a real failure.
    /// </summary>
    private bool IsDocumentStatus(string text, string location) =>
        text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal)
        && _documents.ContainsKey(LineAndColumn().Replace(location, string.Empty));

    /// <summary>The <c>:line:column</c> after the address in a console message's location.</summary>
    [GeneratedRegex(@":\d+:\d+$")]
    private static partial Regex LineAndColumn();
}

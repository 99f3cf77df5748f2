using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Accessibility;

/// <summary>
/// axe-core run in the page itself, by Deque's in-page mode. Its default <c>RunAxe</c> finishes every run in a browser
/// page that it opens for the purpose, loads axe-core into and closes again, so that frames from other origins cannot
/// tamper with the results: measured in the page survey, that was most of each run's time (a phone-width target-size
/// run took 2.07 s that way, 0.20 s in the page). The portal's pages have no frames from other origins.
/// </summary>
internal static class AxeInPage
{
    /// <summary>Only violations are described node by node; nothing here reads the passed or inapplicable rules' nodes.</summary>
    private static readonly HashSet<ResultType> ViolationsOnly = [ResultType.Violations];

    /// <summary>The violations of these tags' rules (<paramref name="type"/> <c>tag</c>) or of these rules (<c>rule</c>).</summary>
    public static Task<AxeResult> RunAsync(IPage page, string type, List<string> values)
    {
        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = type, Values = values }, ResultTypes = ViolationsOnly };
#pragma warning disable CS0618 // Deque marks its in-page mode obsolete ("being removed in the future"); if it goes, the build says so.
        return page.RunAxeLegacy(options: options);
#pragma warning restore CS0618
    }
}

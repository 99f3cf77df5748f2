using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace CecPortal.BrowserTests.Accessibility;

/// <summary>The page survey's axe-core, run in the page, finds what Deque's default <c>RunAxe</c> finds.</summary>
public sealed class AxeInPageTests(BrowserPortal portal)
{
    private const string Faulty = """
        <!doctype html><html lang="en"><title>Faults</title><main>
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="no-alt">
        <input id="no-label">
        <button id="small-a" style="width:10px;height:10px;padding:0;margin:0">a</button><button id="small-b" style="width:10px;height:10px;padding:0;margin:0">b</button>
        <button id="large" style="width:48px;height:48px;margin:40px">c</button>
        </main></html>
        """;

    [Fact]
    public async Task Run_EveryWcagRuleOnAFaultyPage_SameViolationsImpactsAndTargetsAsRunAxe()
    {
        // Arrange
        await using var context = await portal.NewContextAsync(viewport: new ViewportSize { Width = 1280, Height = 800 });
        var page = await context.NewPageAsync();
        await page.SetContentAsync(Faulty);
        List<string> tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
        var theirs = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = tags } });

        // Act
        var ours = await AxeInPage.RunAsync(page, "tag", tags);

        // Assert
        theirs.Violations.Select(v => v.Id).ShouldContain("image-alt");
        Describe(ours).ShouldBe(Describe(theirs), ignoreOrder: true);
    }

    [Fact]
    public async Task Run_TargetSizeAgainAtPhoneWidth_ReportsTheTargetsTooSmallForAThumbAsRunAxeDoes()
    {
        // Arrange: the survey's order, a full scan at desktop width and then the phone's width.
        await using var context = await portal.NewContextAsync(viewport: new ViewportSize { Width = 1280, Height = 800 });
        var page = await context.NewPageAsync();
        await page.SetContentAsync(Faulty);
        await AxeInPage.RunAsync(page, "tag", ["wcag2a"]);
        await page.SetViewportSizeAsync(375, 812);
        var theirs = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = ["target-size"] } });

        // Act
        var ours = await AxeInPage.RunAsync(page, "rule", ["target-size"]);

        // Assert
        Describe(ours).ShouldBe(Describe(theirs));
        ours.Violations.ShouldHaveSingleItem().Nodes.Select(n => n.Target?.ToString()).ShouldBe(["#small-a", "#small-b"], ignoreOrder: true);
    }

    private static List<string> Describe(AxeResult result) =>
        [.. result.Violations.Select(v => $"{v.Id} {v.Impact}: {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()).Order(StringComparer.Ordinal))}")];
}

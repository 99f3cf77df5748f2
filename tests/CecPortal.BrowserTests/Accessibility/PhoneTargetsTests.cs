using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace CecPortal.BrowserTests.Accessibility;

/// <summary>The page survey's second, phone-width target-size run finds what axe-core's own run finds.</summary>
public sealed class PhoneTargetsTests(BrowserPortal portal)
{
    [Fact]
    public async Task RunAgain_AfterAFullScan_ReportsTheTargetsTooSmallForAThumbAsAxeCoreDoes()
    {
        // Arrange: two 10 px buttons side by side, in a page that a full scan has loaded axe-core into.
        await using var context = await portal.NewContextAsync(viewport: new ViewportSize { Width = 375, Height = 812 });
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""
            <!doctype html><html lang="en"><title>Targets</title><main>
            <button id="small-a" style="width:10px;height:10px;padding:0;margin:0">a</button><button id="small-b" style="width:10px;height:10px;padding:0;margin:0">b</button>
            <button id="large" style="width:48px;height:48px;margin:40px">c</button>
            </main></html>
            """);
        var full = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = ["target-size"] } });

        // Act
        var again = await PhoneTargets.RunAgainAsync(page);

        // Assert
        full.Violations.Select(v => v.Id).ShouldBe(["target-size"]);
        var violation = again.ShouldHaveSingleItem();
        violation.Id.ShouldBe("target-size");
        violation.Impact.ShouldBe(full.Violations[0].Impact);
        violation.Targets.ShouldBe(["#small-a", "#small-b"], ignoreOrder: true);
    }
}

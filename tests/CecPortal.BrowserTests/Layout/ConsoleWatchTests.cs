using CecPortal.Testing;
using Microsoft.Playwright;
using Shouldly;

namespace CecPortal.BrowserTests.Layout;

/// <summary>
/// The watch every browser test relies on to fail on a broken page: it must see what a broken page does, and must not
/// count a page that a test opens on purpose to see it refused.
/// </summary>
public sealed class ConsoleWatchTests(BrowserPortal portal)
{
    [Fact]
    public async Task Watch_InlineScriptBlockedByTheCsp_Reported()
    {
        // Arrange
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        // Act: what an injected script would look like; the portal's policy allows only its own script files.
        await page.EvaluateAsync("() => document.body.append(Object.assign(document.createElement('script'), { textContent: 'window.injected = 1;' }))");

        // Assert
        await WaitForProblemsAsync(context);
        ConsoleWatch.Of(context).Problems.ShouldContain(p => p.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || p.Contains("CSP violation", StringComparison.Ordinal));
        (await page.EvaluateAsync<bool>("() => window.injected === undefined")).ShouldBeTrue();
    }

    [Fact]
    public async Task Watch_ScriptThatThrowsAndConsoleError_BothReported()
    {
        // Arrange
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        // Act
        await page.EvaluateAsync("() => { console.error('something broke'); setTimeout(() => { throw new Error('uncaught'); }); }");

        // Assert
        await WaitForProblemsAsync(context, 2);
        ConsoleWatch.Of(context).Problems.ShouldContain(p => p.Contains("something broke", StringComparison.Ordinal));
        ConsoleWatch.Of(context).Problems.ShouldContain(p => p.Contains("uncaught", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watch_PageNotFoundOpenedOnPurpose_NotCountedButAMissingScriptIs()
    {
        // Arrange: signed in, since an unknown address sends an anonymous visitor to sign in.
        await using var context = await portal.NewContextAsync(await portal.StorageStateAsync(PortalFactory.MemberEmail));
        var page = await context.NewPageAsync();

        // Act
        var response = await page.GotoAsync("/no-such-page");
        await page.EvaluateAsync("() => document.head.append(Object.assign(document.createElement('script'), { src: '/js/no-such-script.js' }))");

        // Assert
        response!.Status.ShouldBe(404);
        await WaitForProblemsAsync(context);
        var problems = ConsoleWatch.Of(context).Problems;
        problems.ShouldNotBeEmpty();
        problems.ShouldAllBe(p => p.Contains("no-such-script.js", StringComparison.Ordinal));
    }

    private static async Task WaitForProblemsAsync(IBrowserContext context, int count = 1)
    {
        for (var i = 0; i < 100 && ConsoleWatch.Of(context).Problems.Count < count; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}

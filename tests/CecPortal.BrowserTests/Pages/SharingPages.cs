using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>The sharing space's topic and channel pages, as a member sees them.</summary>
public sealed class SharingPages(IPage page)
{
    public ILocator Messages => page.GetByTestId("messages").GetByTestId("message");

    public ILocator LiveStatus => page.GetByTestId("live-status");

    /// <summary>The topic's messages as a screen reader meets them: the log that new messages are read out from.</summary>
    public ILocator MessageLog => page.GetByRole(AriaRole.Log, new() { Name = "Messages" });

    public ILocator Topics => page.GetByTestId("topic");

    public async Task OpenTopicAsync(Guid topicId)
    {
        await page.GotoAsync($"/sharing/t/{topicId}");
        await WaitForLiveStreamAsync();
    }

    public async Task OpenChannelAsync(string slug)
    {
        await page.GotoAsync($"/sharing/c/{slug}");
        await WaitForLiveStreamAsync();
    }

    /// <summary>The sharing home: the member's channels with their unread counts.</summary>
    public async Task OpenHomeAsync()
    {
        await page.GotoAsync("/sharing");
        await WaitForLiveStreamAsync();
    }

    public ILocator Channel(string slug) => page.Locator($"[data-testid=channel][data-channel='{slug}']");

    public async Task ReplyAsync(string text)
    {
        await page.GetByTestId("reply-form").GetByTestId("compose-body").FillAsync(text);
        await page.GetByTestId("reply-form").GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
    }

    public async Task StartTopicAsync(string subject, string text)
    {
        await page.GetByTestId("topic-subject-input").FillAsync(subject);
        await page.GetByTestId("topic-form").GetByTestId("compose-body").FillAsync(text);
        await page.GetByTestId("topic-form").GetByRole(AriaRole.Button, new() { Name = "Start the topic" }).ClickAsync();
    }

    /// <summary>Marks the loaded document, so a test can tell that it was updated in place rather than reloaded.</summary>
    public Task MarkDocumentAsync() => page.EvaluateAsync("() => { document.documentElement.dataset.loadedOnce = 'yes'; }");

    public Task<string?> DocumentMarkAsync() => page.EvaluateAsync<string?>("() => document.documentElement.dataset.loadedOnce ?? null");

    /// <summary>The live region the script adds once it has opened the stream.</summary>
    private Task WaitForLiveStreamAsync() => page.GetByTestId("live-status").WaitForAsync(new() { State = WaitForSelectorState.Attached });
}

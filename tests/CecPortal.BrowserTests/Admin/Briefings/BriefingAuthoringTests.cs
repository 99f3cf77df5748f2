using System.Text.RegularExpressions;
using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Admin.Briefings;

/// <summary>An editor writes a briefing with the live preview beside it, then schedules it.</summary>
public sealed partial class BriefingAuthoringTests(BrowserPortal portal)
{
    [Fact]
    public Task WriteAndSchedule_AsEditor_PreviewFollowsTheTextAndListShowsScheduled() => portal.RunAsync(
        async page =>
        {
            // Arrange
            var editor = new BriefingEditorPage(page);
            var title = $"Browser briefing {Guid.NewGuid():N}"[..28];
            await editor.GotoListAsync();
            await editor.NewBriefingLink.ClickAsync();
            await Expect(page).ToHaveURLAsync(NewUrl());
            await Expect(editor.Rows).ToHaveCountAsync(3);

            // Act: type, watch the preview, add a vulnerability row.
            await editor.Title.FillAsync(title);
            await editor.TypeBodyAsync("Patch **today** for CVE-2030-7777.");
            await Expect(editor.Preview.Locator("strong")).ToHaveTextAsync("today");
            // The text arrives inside the region a screen reader reads politely, once the editor pauses.
            await Expect(editor.Preview).ToHaveAttributeAsync("aria-live", "polite");
            await Expect(editor.Preview.GetByRole(AriaRole.Link, new() { Name = "CVE-2030-7777" }))
                .ToHaveAttributeAsync("href", "https://www.cve.org/CVERecord?id=CVE-2030-7777");
            await Expect(editor.Preview.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
            await editor.Tlp.SelectOptionAsync(new SelectOptionValue { Label = "TLP:GREEN" });
            await Expect(editor.Preview.GetByTestId("tlp-banner")).ToContainTextAsync("TLP:GREEN");

            await editor.AddRowButton.ClickAsync();
            await Expect(editor.Rows).ToHaveCountAsync(4);
            await editor.FillRowAsync(4, new VulnerabilityRowInput("cve-2030-8888", "Edge Gateway", "High", "Authentication bypass", "https://vendor.example/advisories/8888"));
            await Expect(editor.Preview.GetByTestId("vulnerabilities")).ToContainTextAsync("Edge Gateway");
            await Expect(editor.Preview.GetByTestId("vulnerabilities").GetByRole(AriaRole.Link, new() { Name = "CVE-2030-8888" })).ToBeVisibleAsync();

            await editor.Button("Save draft").ClickAsync();
            await Expect(page).ToHaveURLAsync(EditUrl());
            await Expect(editor.Status).ToHaveTextAsync("Draft");
            await editor.Button("Schedule").ClickAsync();

            // Assert
            await Expect(editor.StatusMessage).ToContainTextAsync("the morning job publishes and emails it on its date");
            await Expect(editor.Status).ToHaveTextAsync("Scheduled");
            await Expect(editor.Rows.First.GetByRole(AriaRole.Textbox).First).ToHaveValueAsync("CVE-2030-8888");
            await editor.GotoListAsync();
            await Expect(editor.ListRow(title).GetByTestId("status")).ToHaveTextAsync("Scheduled");
            await Expect(editor.ListRow(title)).ToContainTextAsync("TLP:GREEN");
        },
        signedInAs: PortalFactory.EditorEmail);

    [GeneratedRegex("/admin/briefings/new$")]
    private static partial Regex NewUrl();

    [GeneratedRegex("/admin/briefings/[0-9a-f-]{36}/edit$")]
    private static partial Regex EditUrl();
}

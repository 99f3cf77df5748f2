using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>One vulnerability entry as typed into a row of the editor's table.</summary>
public sealed record VulnerabilityRowInput(string CveId, string Product, string Severity, string Summary, string Link);

/// <summary>The briefing list at <c>/admin/briefings</c> and the editor (new and edit) with its live preview.</summary>
public sealed class BriefingEditorPage(IPage page)
{
    public const string ListPath = "/admin/briefings";

    public ILocator List => page.GetByTestId("briefings");

    public ILocator NewBriefingLink => page.GetByRole(AriaRole.Link, new() { Name = "New briefing", Exact = true });

    public ILocator Form => page.GetByTestId("briefing-form");

    public ILocator EditionDate => Form.GetByLabel("Edition date", new() { Exact = true });

    public ILocator Title => Form.GetByLabel("Title", new() { Exact = true });

    public ILocator Tlp => Form.GetByLabel("TLP label", new() { Exact = true });

    public ILocator Body => Form.GetByLabel("Text (Markdown)", new() { Exact = true });

    /// <summary>The rows of the vulnerability table.</summary>
    public ILocator Rows => page.GetByTestId("vulnerability-rows").Locator("tbody tr");

    public ILocator AddRowButton => Form.GetByRole(AriaRole.Button, new() { Name = "Add row", Exact = true });

    /// <summary>The preview pane, rendered by the server with the members' partials.</summary>
    public ILocator Preview => page.GetByTestId("preview");

    public ILocator Status => page.GetByTestId("briefing-status");

    public ILocator StatusExplanation => page.GetByTestId("status-explanation");

    public ILocator StatusMessage => page.Locator("main [role=status]");

    public async Task GotoListAsync() => await page.GotoAsync(ListPath);

    public ILocator Button(string name) => Form.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>The list row of a briefing, by its title.</summary>
    public ILocator ListRow(string title) => List.Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });

    /// <summary>Types, key by key, as a person would: the preview listens to input events.</summary>
    public async Task TypeBodyAsync(string markdown) => await Body.PressSequentiallyAsync(markdown);

    /// <summary>
    /// Fills row <paramref name="number"/> (from 1) of the vulnerability table, clicking into each field first as a
    /// person would (a click fails when something covers the field, a plain fill would not notice).
    /// </summary>
    public async Task FillRowAsync(int number, VulnerabilityRowInput row)
    {
        await ClickAndFillAsync(Form.GetByLabel($"CVE id, row {number}", new() { Exact = true }), row.CveId);
        await ClickAndFillAsync(Form.GetByLabel($"Product, row {number}", new() { Exact = true }), row.Product);
        await Form.GetByLabel($"Severity, row {number}", new() { Exact = true }).SelectOptionAsync(row.Severity);
        await ClickAndFillAsync(Form.GetByLabel($"One-line summary, row {number}", new() { Exact = true }), row.Summary);
        await ClickAndFillAsync(Form.GetByLabel($"Link, row {number}", new() { Exact = true }), row.Link);
    }

    private static async Task ClickAndFillAsync(ILocator field, string value)
    {
        await field.ClickAsync();
        await field.FillAsync(value);
    }
}

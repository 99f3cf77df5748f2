using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>A consultation as a member sees it at <c>/consultations/{id}</c>: the answer form, then the published result.</summary>
public sealed class ConsultationPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator StatusMessage => page.GetByRole(AriaRole.Status);

    public ILocator ModeStatement => page.GetByTestId("mode-statement");

    public ILocator PeersCount => page.GetByTestId("peers-count");

    public ILocator MyStatus => page.GetByTestId("my-status");

    public ILocator SubmitButton => page.GetByTestId("submit");

    public ILocator PositionPaper => page.GetByTestId("position-paper");

    public ILocator Results => page.GetByTestId("published-results");

    public ILocator Respondents => Results.GetByTestId("results-respondents");

    public ILocator InstitutionResponse => page.GetByTestId("institution-response");

    public async Task ChooseAsync(string option) => await page.GetByTestId("answer-form").GetByLabel(option, new() { Exact = true }).CheckAsync();

    public async Task WriteAsync(string label, string text) => await page.GetByTestId("answer-form").GetByLabel(label).FillAsync(text);

    public async Task SubmitAsync() => await SubmitButton.ClickAsync();

    /// <summary>The option labelled <paramref name="label"/> of the question whose legend starts with <paramref name="question"/>.</summary>
    public ILocator Option(string question, string label) =>
        page.GetByTestId("question").Filter(new() { HasText = question }).GetByLabel(label, new() { Exact = true });

    /// <summary>The chart of the question <paramref name="prompt"/> over all respondents (an SVG with <c>role="img"</c>).</summary>
    public ILocator OverallChart(string prompt) =>
        Results.GetByTestId("question-result").Filter(new() { HasText = prompt }).GetByRole(AriaRole.Img).First;
}

/// <summary>The printable position paper at <c>/admin/consultations/{id}/paper</c>.</summary>
public sealed class PositionPaperPage(IPage page)
{
    public ILocator Navigation => page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });

    public ILocator Footer => page.Locator("body > footer");

    public ILocator Toolbar => page.GetByTestId("paper-toolbar");

    public ILocator PrintButton => page.GetByRole(AriaRole.Button, new() { Name = "Print or save as PDF" });

    public ILocator Paper => page.GetByTestId("position-paper");

    public ILocator Results => Paper.GetByTestId("consultation-results");

    public Task GotoAsync(Guid consultationId) => page.GotoAsync($"/admin/consultations/{consultationId}/paper");
}

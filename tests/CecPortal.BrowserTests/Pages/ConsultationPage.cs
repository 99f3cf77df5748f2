using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>A member's consultation page (<c>/consultations/{id}</c>): the answer form, then the published paper.</summary>
public sealed class ConsultationPage(IPage page)
{
    public ILocator StatusMessage => page.GetByRole(AriaRole.Status);

    public ILocator ModeStatement => page.GetByTestId("mode-statement");

    public ILocator PeersCount => page.GetByTestId("peers-count");

    public ILocator PositionPaper => page.GetByTestId("position-paper");

    public ILocator InstitutionResponse => page.GetByTestId("institution-response");

    public async Task ChooseAsync(string option) => await page.GetByTestId("answer-form").GetByLabel(option, new() { Exact = true }).CheckAsync();

    public async Task WriteAsync(string label, string text) => await page.GetByTestId("answer-form").GetByLabel(label).FillAsync(text);

    public async Task SubmitAsync() => await page.GetByTestId("submit").ClickAsync();
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>One entry of a form's error summary, and what its link leads to.</summary>
public sealed record LinkedError(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("fieldId")] string FieldId,
    [property: JsonPropertyName("fieldFound")] bool FieldFound,
    [property: JsonPropertyName("ariaInvalid")] string? AriaInvalid,
    [property: JsonPropertyName("describedBy")] string? DescribedBy,
    [property: JsonPropertyName("message")] string? Message);

/// <summary>The error summary a refused form shows above its fields (every form's, from one tag helper).</summary>
public sealed class ErrorSummary(IPage page)
{
    public ILocator Box => page.Locator("main [data-error-summary]");

    public ILocator Links => Box.Locator("a[href^='#']");

    /// <summary>
    /// Each linked entry with the field its link names: whether that field exists, its aria-invalid, and the text of the
    /// elements its aria-describedby points to.
    /// </summary>
    public async Task<IReadOnlyList<LinkedError>> LinkedErrorsAsync()
    {
        var json = await Links.EvaluateAllAsync<string>("""
            links => JSON.stringify(links.map(link => {
              const fieldId = decodeURIComponent(link.getAttribute('href').slice(1));
              const field = document.getElementById(fieldId);
              const describedBy = field?.getAttribute('aria-describedby') ?? null;
              const message = describedBy ? describedBy.split(/\s+/).map(id => document.getElementById(id)?.textContent.trim() ?? '').join(' ').trim() : null;
              return { text: link.textContent.trim(), fieldId, fieldFound: !!field, ariaInvalid: field?.getAttribute('aria-invalid') ?? null, describedBy, message };
            }))
            """);
        return JsonSerializer.Deserialize<List<LinkedError>>(json)!;
    }
}

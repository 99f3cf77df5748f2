using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Infrastructure.Markdown;

namespace CecPortal.Web.Features.Admin.Briefings;

/// <summary>What the preview pane shows: the same banner, body and table members see.</summary>
public sealed record BriefingPreview(DateOnly? EditionDate, string Title, TlpLabel Tlp, string BodyHtml, IReadOnlyList<VulnerabilityEntry> Vulnerabilities, string? Notice = null)
{
    public static BriefingPreview Of(Briefing briefing) =>
        new(briefing.EditionDate, briefing.Title, briefing.Tlp, briefing.BodyHtml, briefing.Vulnerabilities);
}

/// <summary>
/// The briefing form shared by the new and edit pages: the live preview (a fragment for the script, or the whole
/// page for the "Preview" button without JavaScript) and the "Add rows" button.
/// </summary>
public abstract class BriefingFormPageModel(MarkdownRenderer renderer) : PageModel
{
    public const string PreviewPartial = "_BriefingPreview";

    [BindProperty]
    public BriefingForm Input { get; set; } = new();

    public BriefingPreview Preview { get; protected set; } = new(null, string.Empty, TlpRules.Default, string.Empty, []);

    /// <summary>The link to a briefing that already has the chosen edition date, shown beside that message.</summary>
    public Guid? ExistingBriefingId { get; protected set; }

    /// <summary>The preview fragment for the editor's script (antiforgery token in the RequestVerificationToken header).</summary>
    public PartialViewResult OnPostPreview() => Partial(PreviewPartial, RenderPreview());

    /// <summary>Renders what is typed, valid or not, by the renderer that saves it.</summary>
    protected BriefingPreview RenderPreview()
    {
        var body = Input.Body ?? string.Empty;
        var entries = Input.Entries();
        var title = Input.Title?.Trim() ?? string.Empty;
        var tlp = Input.Tlp ?? TlpRules.Default;
        return body.Length > BriefingLimits.Body
            ? new BriefingPreview(Input.EditionDate, title, tlp, string.Empty, entries, $"The text is longer than {BriefingLimits.Body:N0} characters; shorten it to see the preview.")
            : new BriefingPreview(Input.EditionDate, title, tlp, renderer.Render(body), entries);
    }

    /// <summary>Re-shows the form as typed with its preview filled, without validation messages.</summary>
    protected void ShowTypedFormWithPreview(int extraRows = 0)
    {
        ModelState.Clear();
        Input.AppendRows(extraRows);
        Input.AddEmptyRows();
        Preview = RenderPreview();
    }

    /// <summary>Re-shows the form as typed with its messages; the preview shows the typed text.</summary>
    protected void ShowInvalidForm(string? message = null, string? key = null)
    {
        if (message is not null)
        {
            ModelState.AddModelError(key ?? string.Empty, message);
        }

        Input.AddEmptyRows();
        Preview = RenderPreview();
    }

    protected void ShowDateTaken(EditionDateTakenException taken)
    {
        ExistingBriefingId = taken.ExistingId;
        ShowInvalidForm(taken.Message, $"{nameof(Input)}.{nameof(Input.EditionDate)}");
    }
}

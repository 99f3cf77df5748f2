using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Infrastructure.Markdown;

namespace CecPortal.Web.Features.Admin.Consultations;

/// <summary>
/// One consultation for staff: its details, its questions (added, removed, moved and marked required while a draft),
/// and the moves to open and closed. While it is open staff see how many submitted, nothing else about the answers.
/// </summary>
public sealed class ConsultationModel(ConsultationAdministration administration, MarkdownRenderer renderer) : PageModel, IReloadAfterRefusal
{
    [BindProperty]
    public QuestionForm Question { get; set; } = new();

    public Consultation Consultation { get; private set; } = null!;

    public string ContextHtml { get; private set; } = string.Empty;

    public int Submitted { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddQuestionAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        try
        {
            await administration.AddQuestionAsync(id, Question.Kind!.Value, Question.Prompt!, Question.OptionLines(), Question.Required, Actor.Of(User), cancellationToken);
        }
        catch (ConsultationRuleException ex)
        {
            // Under the field of the question form, which binds with the "Question" prefix.
            ModelState.AddModelError(ex.Field is null ? string.Empty : $"{nameof(Question)}.{ex.Field}", ex.Message);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        TempData.SetStatusMessage("The question is added.");
        return RedirectToPage(pageName: null, pageHandler: null, routeValues: new { id }, fragment: "questions");
    }

    public async Task<IActionResult> OnPostRemoveQuestionAsync(Guid id, Guid questionId, CancellationToken cancellationToken)
    {
        await administration.RemoveQuestionAsync(id, questionId, Actor.Of(User), cancellationToken);
        TempData.SetStatusMessage("The question is removed.");
        return RedirectToPage(pageName: null, pageHandler: null, routeValues: new { id }, fragment: "questions");
    }

    public async Task<IActionResult> OnPostMoveQuestionAsync(Guid id, Guid questionId, bool up, CancellationToken cancellationToken)
    {
        await administration.MoveQuestionAsync(id, questionId, up, Actor.Of(User), cancellationToken);
        return RedirectToPage(pageName: null, pageHandler: null, routeValues: new { id }, fragment: "questions");
    }

    public async Task<IActionResult> OnPostRequiredAsync(Guid id, Guid questionId, bool required, CancellationToken cancellationToken)
    {
        await administration.MarkRequiredAsync(id, questionId, required, Actor.Of(User), cancellationToken);
        return RedirectToPage(pageName: null, pageHandler: null, routeValues: new { id }, fragment: "questions");
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var announced = await administration.OpenAsync(id, Actor.Of(User), cancellationToken);
        TempData.SetStatusMessage($"The consultation is open. The announcement goes to {announced} members by email.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken)
    {
        await administration.CloseAsync(id, Actor.Of(User), cancellationToken);
        TempData.SetStatusMessage("The consultation is closed: no more answers are taken.");
        return RedirectToPage(new { id });
    }

    public async Task ReloadAfterRefusalAsync(CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id) || !await LoadAsync(id, cancellationToken))
        {
            throw new BadHttpRequestException("The consultation does not exist.", StatusCodes.Status404NotFound);
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var consultation = await administration.FindAsync(id, cancellationToken);
        if (consultation is null)
        {
            return false;
        }

        Consultation = consultation;
        ContextHtml = renderer.Render(consultation.ContextMarkdown);
        Submitted = await administration.SubmittedCountAsync(id, cancellationToken);
        return true;
    }
}

using CecPortal.Web.Features.Consultations.Results;
using CecPortal.Web.Infrastructure.Markdown;

namespace CecPortal.Web.Features.Consultations;

/// <summary>
/// One consultation for a member: the context and the mode, the answer form (save a draft, submit, change until the
/// deadline), how many peers answered so far, and after publication the position paper and the institution's response.
/// </summary>
public sealed class ConsultationModel(ConsultationAnswering answering, ConsultationResultsReader results, MarkdownRenderer renderer, TimeProvider clock) : PageModel, IReloadAfterRefusal
{
    [BindProperty]
    public AnswerForm Input { get; set; } = new();

    public MemberConsultation View { get; private set; } = null!;

    public Consultation Consultation => View.Consultation;

    public string ContextHtml { get; private set; } = string.Empty;

    public string? PaperHtml { get; private set; }

    public string? ResponseHtml { get; private set; }

    public bool DeadlinePassed { get; private set; }

    /// <summary>The aggregated results, once published (the same anonymity rule as every results view); null before.</summary>
    public ResultsReport? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = AnswerForm.From(View.Mine);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken) => SaveAsync(id, submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) => SaveAsync(id, submit: true, cancellationToken);

    public async Task ReloadAfterRefusalAsync(CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id) || !await LoadAsync(id, cancellationToken))
        {
            throw new BadHttpRequestException("The consultation does not exist.", StatusCodes.Status404NotFound);
        }
    }

    private async Task<IActionResult> SaveAsync(Guid id, bool submit, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        await answering.SaveAsync(id, Actor.Of(User).Id, Input.ToGiven(), Input.Named, submit, cancellationToken);
        TempData.SetStatusMessage(submit
            ? "Thank you: your answers are submitted. You can change them until the deadline."
            : "Your draft is saved. It counts only once you submit it.");
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await answering.FindAsync(id, Actor.Of(User).Id, IndexModel.IsStaffOnly(User), cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        ContextHtml = renderer.Render(view.Consultation.ContextMarkdown);
        PaperHtml = view.Consultation.PositionPaperMarkdown is { } paper ? renderer.Render(paper) : null;
        ResponseHtml = view.Consultation.InstitutionResponseMarkdown is { } response ? renderer.Render(response) : null;
        DeadlinePassed = clock.GetUtcNow() >= view.Consultation.Deadline;
        Results = view.Consultation.Status == ConsultationStatus.Published ? await results.ReadAsync(id, cancellationToken) : null;
        return true;
    }
}

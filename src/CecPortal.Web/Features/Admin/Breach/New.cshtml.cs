using CecPortal.Web.Infrastructure.Markdown;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CecPortal.Web.Features.Admin.Breach;

/// <summary>Choose the data a breach touched, see whose it is, write and preview the notice, send it.</summary>
public sealed class NewModel(BreachNotices notices, MarkdownRenderer markdown, TimeProvider clock) : PageModel, IReloadAfterRefusal
{
    public const int ShownAffected = 100;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Set once the choice is valid: how many are affected and the first of them.</summary>
    public PageOf<BreachNotices.AffectedPerson>? Affected { get; private set; }

    public string? PreviewHtml { get; private set; }

    public sealed class InputModel
    {
        public List<BreachDataCategory> Categories { get; set; } = [];

        [Display(Name = "From (UTC day)")]
        public DateOnly? From { get; set; }

        [Display(Name = "To (UTC day)")]
        public DateOnly? To { get; set; }

        [Required(ErrorMessage = "Write the subject of the email.")]
        [StringLength(BreachNotice.MaxSubjectLength, ErrorMessage = "The subject may have at most {1} characters.")]
        [PlainText]
        public string Subject { get; set; } = string.Empty;

        [Required(ErrorMessage = "Write the notice: what happened, what data, what we do, what they can do, whom to contact.")]
        [StringLength(BreachNotice.MaxBodyLength, ErrorMessage = "The notice may have at most {1} characters.")]
        [MarkdownText]
        [Display(Name = "Notice (Markdown)")]
        public string Body { get; set; } = string.Empty;

        public BreachCriteria Criteria => new(Categories.Aggregate(BreachDataCategory.None, (all, c) => all | c), From, To);
    }

    public void OnGet()
    {
    }

    /// <summary>Shows who is affected (and the rendered notice, if written) without sending anything.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        // The list of affected people is useful before the notice is written.
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.Subject)}");
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.Body)}");
        if (ValidateCriteria())
        {
            await LoadPreviewAsync(cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        var criteriaValid = ValidateCriteria();
        if (criteriaValid && ModelState.IsValid)
        {
            var notice = await notices.SendAsync(Input.Criteria, Input.Subject, Input.Body, Actor.Of(User), cancellationToken);
            TempData.SetStatusMessage($"The notice is being sent to {notice.RecipientCount} people.");
            return RedirectToPage("Index");
        }

        if (criteriaValid)
        {
            await LoadPreviewAsync(cancellationToken);
        }

        return Page();
    }

    /// <summary>A refused send had valid criteria: show who is affected and the notice as written.</summary>
    public Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => LoadPreviewAsync(cancellationToken);

    /// <summary>Adds the criteria's problems to the model state; true when categories and period are usable.</summary>
    private bool ValidateCriteria()
    {
        var problems = Input.Criteria.Validate(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).ToList();
        foreach (var problem in problems)
        {
            ModelState.AddModelError($"{nameof(Input)}.{problem.Field}", problem.Message);
        }

        string[] fields = [nameof(Input.Categories), nameof(Input.From), nameof(Input.To)];
        return problems.Count == 0
            && fields.All(f => ModelState.GetFieldValidationState($"{nameof(Input)}.{f}") != ModelValidationState.Invalid);
    }

    private async Task LoadPreviewAsync(CancellationToken cancellationToken)
    {
        Affected = await notices.AffectedAsync(Input.Criteria, 1, ShownAffected, cancellationToken);
        PreviewHtml = string.IsNullOrWhiteSpace(Input.Body) ? null : markdown.Render(Input.Body);
    }
}

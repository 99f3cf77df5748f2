using CecPortal.Web.Features.Consultations;

namespace CecPortal.Web.Features.Admin.Consultations;

/// <summary>
/// Publishes a closed consultation's position paper to the members, with the institution's response if it has come;
/// after publication the same form corrects the paper and adds the response when it arrives.
/// </summary>
public sealed class PublishModel(ConsultationAdministration administration) : PageModel, IReloadAfterRefusal
{
    [BindProperty]
    public PublicationForm Input { get; set; } = new();

    public Consultation Consultation { get; private set; } = null!;

    public sealed class PublicationForm
    {
        [Required(ErrorMessage = "Write the position paper.")]
        [StringLength(Consultation.MaxMarkdownLength, ErrorMessage = "The position paper may have at most {1} characters.")]
        [MarkdownText]
        [Display(Name = "Position paper (Markdown)")]
        public string? PositionPaperMarkdown { get; set; }

        [StringLength(Consultation.MaxMarkdownLength, ErrorMessage = "The response may have at most {1} characters.")]
        [MarkdownText]
        [Display(Name = "The institution's response (Markdown; leave empty until it arrives)")]
        public string? InstitutionResponseMarkdown { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input.PositionPaperMarkdown = Consultation.PositionPaperMarkdown;
        Input.InstitutionResponseMarkdown = Consultation.InstitutionResponseMarkdown;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        await administration.PublishAsync(id, Input.PositionPaperMarkdown!, Input.InstitutionResponseMarkdown, Actor.Of(User), cancellationToken);
        TempData.SetStatusMessage("The position paper is published to the members.");
        return RedirectToPage("Consultation", new { id });
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
        return true;
    }
}

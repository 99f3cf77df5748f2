using CecPortal.Web.Features.Privacy;

namespace CecPortal.Web.Features.Admin.Privacy;

/// <summary>The privacy notice's versions, how many accepted each, and publishing a new version.</summary>
public sealed class IndexModel(AppDbContext db, PrivacyConsent consent) : PageModel, IReloadAfterRefusal
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];

    public sealed record VersionRow(int Version, DateTimeOffset PublishedAt, string? PublishedBy, string? ChangeSummary, int Acceptances);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Write the text of the notice.")]
        [StringLength(PrivacyNotice.MaxMarkdownLength, ErrorMessage = "The notice may have at most {1} characters.")]
        [MarkdownText]
        [Display(Name = "Notice (Markdown)")]
        public string Markdown { get; set; } = string.Empty;

        [Required(ErrorMessage = "Say in a sentence what changed: members read it before accepting.")]
        [StringLength(PrivacyNotice.MaxChangeSummaryLength, ErrorMessage = "The summary may have at most {1} characters.")]
        [PlainText(AllowLineBreaks = true)]
        [Display(Name = "What changed")]
        public string ChangeSummary { get; set; } = string.Empty;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.Markdown = (await consent.CurrentAsync(cancellationToken)).Markdown;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var version = await consent.PublishAsync(Input.Markdown, Input.ChangeSummary, Actor.Of(User), cancellationToken);
            TempData.SetStatusMessage($"Version {version} is published. Everyone is asked to accept it at their next page.");
            return RedirectToPage();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Versions = await db.PrivacyNotices.AsNoTracking()
            .OrderByDescending(n => n.Version)
            .Select(n => new VersionRow(n.Version, n.PublishedAt, n.PublishedBy, n.ChangeSummary, db.PrivacyAcceptances.Count(a => a.Version == n.Version)))
            .ToListAsync(cancellationToken);
}

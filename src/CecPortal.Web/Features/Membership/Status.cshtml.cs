using CecPortal.Web.Features.Membership.Applications;

namespace CecPortal.Web.Features.Membership;

/// <summary>The applicant's private status page, reached through the signed link in their emails.</summary>
public sealed class StatusModel(ApplicationWorkflow workflow) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Write your answer before sending it.")]
    [StringLength(ApplicationLimits.Note, ErrorMessage = "Your answer can have at most {1} characters.")]
    [PlainText(AllowLineBreaks = true)]
    [Display(Name = "Your answer")]
    public string? Answer { get; set; }

    public MembershipApplication Application { get; private set; } = null!;

    public string? OpenQuestion { get; private set; }

    /// <summary>The link is real but its application was decided too long ago: the page offers a fresh one instead.</summary>
    public bool LinkExpired { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) || LinkExpired ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await ActAsync(() => workflow.ProvideInformationAsync(id, Answer!, cancellationToken), "Thank you: your answer is with the vetting team.", id);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(Answer));
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return await ActAsync(() => workflow.WithdrawAsync(id, cancellationToken), "Your application has been withdrawn.", id);
    }

    private async Task<IActionResult> ActAsync(Func<Task> action, string done, Guid id)
    {
        await action();
        TempData.SetStatusMessage(done);
        return RedirectToPage(new { id, t = Token });
    }

    /// <summary>Loads the application when the link is valid for it now; sets <see cref="LinkExpired"/> when it no longer is.</summary>
    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var application = await workflow.LoadAsync(id, cancellationToken);
        var check = application is null ? StatusLinkCheck.Invalid : workflow.CheckStatusToken(application, Token);
        LinkExpired = check == StatusLinkCheck.Expired;
        if (check != StatusLinkCheck.Valid)
        {
            return false;
        }

        Application = application!;
        OpenQuestion = application!.Status == ApplicationStatus.InformationRequested
            ? application.Events.Where(e => e.Kind == ApplicationEventKind.InformationRequested).MaxBy(e => e.At)?.Note
            : null;
        return true;
    }
}

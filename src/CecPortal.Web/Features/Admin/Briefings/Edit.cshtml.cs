using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.Infrastructure.Markdown;

namespace CecPortal.Web.Features.Admin.Briefings;

/// <summary>Editing one briefing and moving it through draft, scheduled and published.</summary>
public sealed class EditModel(AppDbContext db, BriefingEditor editor, BriefingTestEmail testEmail, MarkdownRenderer renderer, IOptions<BriefingOptions> options) : BriefingFormPageModel(renderer)
{
    public BriefingState Current { get; private set; } = null!;

    public string TimeZone => options.Value.TimeZone;

    /// <summary>The stored briefing as the status panel describes it.</summary>
    public sealed record BriefingState(
        Guid Id,
        DateOnly EditionDate,
        BriefingStatus Status,
        TlpLabel Tlp,
        int Revision,
        string UpdatedByName,
        DateTimeOffset UpdatedAt,
        DateTimeOffset? ScheduledAt,
        DateTimeOffset? PublishedAt,
        DateTimeOffset? SentAt);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var briefing = await db.Briefings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (briefing is null || !await LoadStateAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = BriefingForm.From(briefing);
        Input.AddEmptyRows();
        Preview = BriefingPreview.Of(briefing);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        SaveAsync(id, BriefingStep.None, cancellationToken);

    public Task<IActionResult> OnPostScheduleAsync(Guid id, CancellationToken cancellationToken) =>
        SaveAsync(id, BriefingStep.Schedule, cancellationToken);

    public Task<IActionResult> OnPostUnscheduleAsync(Guid id, CancellationToken cancellationToken) =>
        SaveAsync(id, BriefingStep.Unschedule, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken) =>
        SaveAsync(id, BriefingStep.Publish, cancellationToken);

    /// <summary>Saves what is on screen, then mails the rendered email to the editor alone, so the test shows the text as typed.</summary>
    public Task<IActionResult> OnPostTestEmailAsync(Guid id, CancellationToken cancellationToken) =>
        SaveAsync(id, BriefingStep.None, cancellationToken, sendTestEmail: true);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, [FromForm(Name = "version")] uint version, CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await editor.DeleteDraftAsync(id, version, Actor.Of(User), cancellationToken);
            TempData.SetStatusMessage($"The draft for {BriefingEditor.FormatDate(deleted.EditionDate)} is deleted.");
            return RedirectToPage("Index");
        }
        catch (Exception ex) when (ex is BriefingRuleException or BriefingConflictException)
        {
            // The delete form posts only the version: show the stored briefing with the reason.
            db.ChangeTracker.Clear();
            var stored = await db.Briefings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
            if (stored is null || !await LoadStateAsync(id, cancellationToken))
            {
                return NotFound();
            }

            ModelState.Clear();
            Input = BriefingForm.From(stored);
            Input.AddEmptyRows();
            Preview = BriefingPreview.Of(stored);
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostAddRowsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadStateAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ShowTypedFormWithPreview(BriefingForm.EmptyRows);
        return Page();
    }

    public async Task<IActionResult> OnPostShowPreviewAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadStateAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ShowTypedFormWithPreview();
        return Page();
    }

    private async Task<IActionResult> SaveAsync(Guid id, BriefingStep step, CancellationToken cancellationToken, bool sendTestEmail = false)
    {
        if (!ModelState.IsValid || Input.Version is null)
        {
            return await ReshowAsync(id, Input.Version is null ? "Reload the page: the form lost the briefing's version." : null, cancellationToken);
        }

        try
        {
            var saved = await editor.SaveAsync(id, Input.Version.Value, Input.ToDraft(), step, Actor.Of(User), cancellationToken);
            TempData.SetStatusMessage(Describe(saved, step, Input.Tlp ?? TlpRules.Default));
            if (sendTestEmail)
            {
                TempData.SetStatusMessage(await SendTestEmailAsync(id, cancellationToken));
            }

            return RedirectToPage(new { id });
        }
        catch (EditionDateTakenException taken)
        {
            db.ChangeTracker.Clear();
            if (!await LoadStateAsync(id, cancellationToken))
            {
                return NotFound();
            }

            ShowDateTaken(taken);
            return Page();
        }
        catch (Exception ex) when (ex is BriefingRuleException or BriefingConflictException)
        {
            db.ChangeTracker.Clear();
            return await ReshowAsync(id, ex.Message, cancellationToken);
        }
    }

    private async Task<string> SendTestEmailAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await testEmail.SendAsync(id, Actor.Of(User).Id, cancellationToken);
            return $"Saved. A test email of this briefing is on its way to {User.Identity?.Name}.";
        }
        catch (BriefingRuleException ex)
        {
            // The save stands; only the test email was refused (for example a TLP:RED briefing).
            return $"Saved, but no test email was sent: {ex.Message}";
        }
    }

    private async Task<IActionResult> ReshowAsync(Guid id, string? message, CancellationToken cancellationToken)
    {
        if (!await LoadStateAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ShowInvalidForm(message);
        return Page();
    }

    private static string Describe(BriefingSaved saved, BriefingStep step, TlpLabel tlp)
    {
        var date = BriefingEditor.FormatDate(saved.EditionDate);
        var content = saved.ContentChanged ? $"Saved as revision {saved.Revision}. " : string.Empty;
        return step switch
        {
            BriefingStep.Schedule => content + (tlp.MayBeEmailed()
                ? $"Scheduled for {date}: the morning job publishes and emails it on its date."
                : $"Scheduled for {date}: the morning job publishes it on its date. {tlp.Display()} is web only: never emailed."),
            BriefingStep.Unschedule => content + "Back to draft: the morning job will not publish it until it is scheduled again.",
            BriefingStep.Publish => content + (tlp.MayBeEmailed()
                ? "Published: members can read it now. Emailing stays with the morning job."
                : $"Published: members can read it now. {tlp.Display()} is web only: never emailed."),
            _ => saved.ContentChanged ? $"Saved as revision {saved.Revision}." : $"Nothing changed since revision {saved.Revision}.",
        };
    }

    private async Task<bool> LoadStateAsync(Guid id, CancellationToken cancellationToken)
    {
        var state = await db.Briefings.AsNoTracking()
            .Where(b => b.Id == id)
            .Select(b => new BriefingState(
                b.Id,
                b.EditionDate,
                b.Status,
                b.Tlp,
                b.Revision,
                db.Users.Where(u => u.Id == b.UpdatedById).Select(u => u.FullName).FirstOrDefault() ?? "a former staff member",
                b.UpdatedAt,
                b.ScheduledAt,
                b.PublishedAt,
                b.SentAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            return false;
        }

        Current = state;
        return true;
    }
}

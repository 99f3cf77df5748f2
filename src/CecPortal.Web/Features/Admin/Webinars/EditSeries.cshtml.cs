using CecPortal.Web.Features.Admin.Webinars.Forms;
using CecPortal.Web.Features.Webinars.Sessions;

namespace CecPortal.Web.Features.Admin.Webinars;

/// <summary>Changes a series' rule, title and capacity, or pauses and resumes it.</summary>
public sealed class EditSeriesModel(AppDbContext db, WebinarAdministration administration) : SeriesFormPageModel
{
    public SeriesState Current { get; private set; } = null!;

    public sealed record SeriesState(Guid Id, string Title, SeriesRule Rule, bool IsActive, int PlannedSessions);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var series = await db.WebinarSeries.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (series is null)
        {
            return NotFound();
        }

        Input = SeriesForm.From(series);
        await LoadStateAsync(series, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var series = await db.WebinarSeries.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (series is null)
        {
            return NotFound();
        }

        if (ValidRule() is not { } rule)
        {
            await LoadStateAsync(series, cancellationToken);
            return Page();
        }

        var planned = await administration.ChangeSeriesAsync(id, Input.Title, rule, Input.DefaultCapacity!.Value, Actor.Of(User), cancellationToken);
        TempData.SetStatusMessage($"Saved: {rule.Describe()}. Existing sessions keep their time and places"
            + (planned > 0 ? $"; {planned} new session(s) planned." : "."));
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPauseAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await administration.PauseSeriesAsync(id, Actor.Of(User), cancellationToken);
        }
        catch (WebinarRuleException)
        {
            return NotFound();
        }

        TempData.SetStatusMessage("The series is paused: no new sessions are planned. Sessions already planned stay as they are.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken cancellationToken)
    {
        int planned;
        try
        {
            planned = await administration.ResumeSeriesAsync(id, Actor.Of(User), cancellationToken);
        }
        catch (WebinarRuleException)
        {
            return NotFound();
        }

        TempData.SetStatusMessage($"The series is active again; {planned} session(s) planned.");
        return RedirectToPage(new { id });
    }

    private async Task LoadStateAsync(WebinarSeries series, CancellationToken cancellationToken)
    {
        var planned = await db.WebinarSessions.CountAsync(s => s.SeriesId == series.Id, cancellationToken);
        Current = new SeriesState(series.Id, series.Title, series.Rule, series.IsActive, planned);
    }
}

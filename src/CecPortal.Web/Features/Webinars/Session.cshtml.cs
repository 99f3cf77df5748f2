using System.Text;
using CecPortal.Web.Features.Webinars.Calendars;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;

namespace CecPortal.Web.Features.Webinars;

/// <summary>One session: what it is about, when (in the member's zone), and registering or cancelling a place.</summary>
public sealed class SessionModel(WebinarSchedule schedule, WebinarAttendance attendance, WebinarCalendar calendar, PortalUrls urls, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    public MemberZone Zone { get; private set; } = null!;

    public SessionPage Session { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, async memberId =>
        {
            var change = await attendance.RegisterAsync(id, memberId, cancellationToken);
            return change.Standing switch
            {
                RegistrationStanding.Confirmed when change.Changed => "You are registered. The meeting link is below.",
                RegistrationStanding.Confirmed => "You are already registered for this session.",
                _ when change.Changed => $"The session is full: you are {WebinarText.Ordinal(change.PositionInLine ?? 0)} on the waiting list. You will get a place automatically when one frees up.",
                _ => $"You are already on the waiting list ({WebinarText.Ordinal(change.PositionInLine ?? 0)} in line).",
            };
        }, cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, async memberId =>
        {
            var change = await attendance.CancelAsync(id, memberId, cancellationToken);
            return change.Changed ? "Your registration is cancelled." : "You were not registered for this session.";
        }, cancellationToken);

    /// <summary>The session as an .ics file to add to a calendar, for members with a confirmed place.</summary>
    public async Task<IActionResult> OnGetCalendarAsync(Guid id, CancellationToken cancellationToken)
    {
        var memberId = users.GetUserId(User);
        var session = memberId is null ? null : await schedule.CalendarEventAsync(id, memberId, sessionId => urls.Absolute(WebinarPaths.Session(sessionId)), cancellationToken);
        if (session is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        var ics = calendar.Feed(session.Title, [session], clock.GetUtcNow());
        return File(Encoding.UTF8.GetBytes(ics), WebinarCalendar.MediaType + "; charset=utf-8", $"webinar-{session.StartUtc:yyyy-MM-dd}.ics");
    }

    private async Task<IActionResult> ChangeAsync(Guid id, Func<string, Task<string>> change, CancellationToken cancellationToken)
    {
        var memberId = users.GetUserId(User);
        if (memberId is null)
        {
            return Challenge();
        }

        try
        {
            TempData.SetStatusMessage(await change(memberId));
            return RedirectToPage(new { id });
        }
        catch (WebinarRuleException ex)
        {
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }

            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var memberId = users.GetUserId(User);
        var zone = memberId is null ? null : await schedule.MemberZoneAsync(memberId, cancellationToken);
        var session = zone is null ? null : await schedule.SessionAsync(id, memberId!, zone.ZoneId, cancellationToken);
        if (session is null)
        {
            return false;
        }

        Zone = zone!;
        Session = session;
        return true;
    }
}

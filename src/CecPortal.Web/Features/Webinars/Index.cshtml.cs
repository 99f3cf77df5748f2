using CecPortal.Web.Features.Webinars.Sessions;

namespace CecPortal.Web.Features.Webinars;

/// <summary>The coming sessions in the member's own time zone, their own registrations, and the past sessions with recordings.</summary>
public sealed class IndexModel(WebinarSchedule schedule, UserManager<PortalUser> users) : PageModel
{
    /// <summary>"p", because Razor Pages keeps "page" as a route value for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public MemberZone Zone { get; private set; } = null!;

    public IReadOnlyList<SessionSummary> Upcoming { get; private set; } = [];

    public IReadOnlyList<SessionSummary> MyRegistrations { get; private set; } = [];

    public PageOf<PastSession> Past { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var memberId = users.GetUserId(User);
        if ((memberId is null ? null : await schedule.OverviewAsync(memberId, PageNumber, cancellationToken)) is not { } overview)
        {
            return Challenge();
        }

        (Zone, Upcoming, Past) = (overview.Zone, overview.Upcoming, overview.Past);
        MyRegistrations = [.. Upcoming.Where(s => s.Place.IsRegistered)];
        return Page();
    }
}

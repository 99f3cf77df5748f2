using System.Text;
using CecPortal.Web.Features.Webinars.Calendars;

namespace CecPortal.Web.Features.Webinars;

/// <summary>
/// A member's personal webinar calendar (ICS, <c>METHOD:PUBLISH</c>). Calendar apps cannot sign in, so the secret token in
/// the address is the only credential, as for the briefing feed: unknown, replaced or revoked tokens, and tokens of
/// suspended accounts or accounts without a member or staff role, answer 404.
/// </summary>
public sealed class CalendarModel(CalendarSubscription subscription) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        var ics = await subscription.FeedAsync(token, cancellationToken);
        return ics is null ? NotFound() : File(Encoding.UTF8.GetBytes(ics), WebinarCalendar.MediaType + "; charset=utf-8");
    }
}

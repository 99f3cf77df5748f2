using CecPortal.Web.Features.Webinars.Calendars;
using CecPortal.Web.Infrastructure.Email;

namespace CecPortal.Web.Features.Webinars;

/// <summary>Calendar settings of the webinars (section <c>Webinars</c>).</summary>
public sealed class WebinarOptions
{
    public const string Section = "Webinars";

    /// <summary>
    /// The right-hand side of every calendar <c>UID</c> (<c>webinar-{id}@{domain}</c>). Keep it stable for the life of
    /// the portal: a changed domain makes every member's calendar see new events instead of updates.
    /// </summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$", ErrorMessage = "Webinars:CalendarUidDomain must be a host name such as portal.cec.example.")]
    public string CalendarUidDomain { get; set; } = "cec-portal.example";

    /// <summary>The organiser's display name in invitations; the sender name (<c>Email:FromName</c>) when empty.</summary>
    public string? OrganizerName { get; set; }

    /// <summary>The one calendar writer of the portal: organiser address and name come from the email sender settings.</summary>
    public static WebinarCalendar CreateCalendar(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<WebinarOptions>>().Value;
        var email = services.GetRequiredService<IOptions<EmailOptions>>().Value;
        return new WebinarCalendar(email.FromAddress, options.OrganizerName ?? email.FromName, options.CalendarUidDomain);
    }
}

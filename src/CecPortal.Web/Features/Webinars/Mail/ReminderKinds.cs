namespace CecPortal.Web.Features.Webinars.Mail;

public static class ReminderKinds
{
    /// <summary>How long before the start the reminder is due.</summary>
    public static TimeSpan Lead(this ReminderKind kind) => kind == ReminderKind.Day ? TimeSpan.FromHours(24) : TimeSpan.FromHours(1);

    /// <summary>When the reminder is due for a session starting at <paramref name="startsAt"/>.</summary>
    public static DateTimeOffset DueFor(this ReminderKind kind, DateTimeOffset startsAt) => startsAt - kind.Lead();

    /// <summary>
    /// True when two instants are the same reminder time. PostgreSQL keeps microseconds and a time set by hand may carry
    /// ticks, so an exact comparison could take a re-read session for a moved one.
    /// </summary>
    public static bool SameInstant(DateTimeOffset a, DateTimeOffset b) => (a - b).Duration() < TimeSpan.FromSeconds(1);

    /// <summary>
    /// After this instant the reminder is pointless and is not sent: the 24-hour one once the 1-hour one is due, the 1-hour
    /// one once the session has started.
    /// </summary>
    public static DateTimeOffset TooLateAfter(this ReminderKind kind, DateTimeOffset startsAt) =>
        kind == ReminderKind.Day ? ReminderKind.Hour.DueFor(startsAt) : startsAt;
}

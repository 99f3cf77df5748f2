namespace CecPortal.Web.Features.Webinars.Mail;

/// <summary>The two reminders of a session.</summary>
public enum ReminderKind
{
    /// <summary>24 hours before the start.</summary>
    Day = 0,

    /// <summary>1 hour before the start.</summary>
    Hour = 1,
}

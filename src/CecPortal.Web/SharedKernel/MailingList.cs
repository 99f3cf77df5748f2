
namespace CecPortal.Web.SharedKernel;

/// <summary>The kinds of bulk email a member can stop with a one-click link.</summary>
public enum MailingList
{
    DailyBriefing,
    WebinarAnnouncements,

    /// <summary>Consultation announcements and deadline reminders.</summary>
    Consultations,
}

using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Sharing.Alerts;
using CecPortal.Web.Features.Webinars.Times;

namespace CecPortal.Web.Features.Home;

/// <summary>What the signed-in home shows: each block is null or empty when there is nothing in it, and then left out.</summary>
public sealed record TodayView(
    IReadOnlyList<PinnedAlert> Alerts,
    TodayView.BriefingBlock? Briefing,
    TodayView.SharingBlock? Sharing,
    TodayView.WebinarsBlock? Webinars,
    TodayView.ConsultationsBlock? Consultations,
    TodayView.StaffBlock? Staff)
{
    /// <summary>The newest readable edition; <paramref name="Excerpt"/> is null for AMBER+STRICT and RED (title and link only).</summary>
    public sealed record BriefingBlock(DateOnly EditionDate, bool IsToday, string Title, TlpLabel Tlp, string? Excerpt, bool Read);

    /// <summary>Unread messages (muted channels left out), the topics they are in, mentions of the member, and the newest such topics.</summary>
    public sealed record SharingBlock(int UnreadMessages, int UnreadTopics, int Mentions, IReadOnlyList<TopicLine> Topics);

    public sealed record TopicLine(Guid Id, string Subject, string ChannelName, int Unread);

    /// <summary>The member's next session (confirmed or in line), and sessions still open that they have not registered for.</summary>
    public sealed record WebinarsBlock(SessionLine? Next, IReadOnlyList<SessionLine> Open);

    public sealed record SessionLine(Guid Id, string Title, SessionTime Time, TlpLabel Tlp, bool Waitlisted);

    /// <summary>Open consultations the member is invited to and has not submitted, soonest deadline first.</summary>
    public sealed record ConsultationsBlock(int Count, IReadOnlyList<ConsultationLine> Soonest);

    public sealed record ConsultationLine(Guid Id, string Title, DateTimeOffset Deadline, bool HasDraft);

    /// <summary>What waits for staff, by role: each part is null when the person does not hold the role.</summary>
    public sealed record StaffBlock(VettingWork? Vetting, EditorialWork? Editorial, int? OpenReports, ConsultationWork? Consultations, AdminWork? Admin)
    {
        public bool IsEmpty => Vetting is null && Editorial is null && OpenReports is null && Consultations is null && Admin is null;
    }

    public sealed record VettingWork(int Applications, int ProfileChanges);

    /// <summary><paramref name="Tomorrow"/> is the status of tomorrow's edition, null when nobody has started it.</summary>
    public sealed record EditorialWork(int Drafts, DateOnly TomorrowDate, BriefingStatus? Tomorrow);

    public sealed record ConsultationWork(int ClosingSoon, int Drafts);

    public sealed record AdminWork(int Due, int Lapsed, int Undeliverable);

    /// <summary>The "Your account" block: the yearly confirmation is due, or mail to the address bounces (from the session's claims).</summary>
    public bool AccountNeedsAttention { get; init; }

    /// <summary>The person's organisation, read with their channels, for the confirmation banner in "Your account".</summary>
    public string? Organisation { get; init; }
}

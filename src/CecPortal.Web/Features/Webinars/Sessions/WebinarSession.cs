using CecPortal.Web.Features.Webinars.Times;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Webinars.Sessions;

/// <summary>
/// One webinar. Stored as UTC instants plus the organiser's IANA zone; <see cref="Sequence"/> goes up with every change
/// an invitee must see (time, cancellation), as RFC 5545 wants for updated invitations.
/// </summary>
public sealed class WebinarSession
{
    private WebinarSession()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The series it was planned from, or null for a one-off session.</summary>
    public Guid? SeriesId { get; private set; }

    /// <summary>The rule's date this session stands for (unique per series), so topping up never plans a month twice.</summary>
    public DateOnly? SeriesDate { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string AbstractMarkdown { get; private set; } = string.Empty;

    /// <summary>The sanitized HTML of <see cref="AbstractMarkdown"/> (same renderer as briefings).</summary>
    public string AbstractHtml { get; private set; } = string.Empty;

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public string TimeZoneId { get; private set; } = string.Empty;

    public int Capacity { get; private set; }

    /// <summary>Shown only to registered members.</summary>
    public string? MeetingLink { get; private set; }

    public TlpLabel Tlp { get; private set; } = TlpRules.Default;

    public WebinarStatus Status { get; private set; }

    public string? RecordingLink { get; private set; }

    /// <summary>RFC 5545 SEQUENCE of the invitation: 0 at first, +1 on every move or cancellation, and on a new title or meeting link once invitations were sent.</summary>
    public int Sequence { get; private set; }

    /// <summary>Set once staff moved the session by hand: the series rule no longer decides its time.</summary>
    public bool MovedByHand { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When staff announced the session to the members by email; a session is announced once.</summary>
    public DateTimeOffset? AnnouncedAt { get; private set; }

    /// <summary>Optimistic concurrency (PostgreSQL <c>xmin</c>).</summary>
    public uint Version { get; private set; }

    public bool IsUpcoming(DateTimeOffset now) => Status is WebinarStatus.Planned or WebinarStatus.Confirmed && EndsAt > now;

    public static WebinarSession Plan(WebinarSeries series, DateTimeOffset startsAt, DateTimeOffset now)
    {
        var rule = series.Rule;
        return new WebinarSession
        {
            SeriesId = series.Id,
            SeriesDate = DateOnly.FromDateTime(WallClock.InZone(startsAt, rule.TimeZone).DateTime),
            Title = series.Title,
            StartsAt = startsAt,
            EndsAt = startsAt + rule.Duration,
            TimeZoneId = rule.TimeZoneId,
            Capacity = series.DefaultCapacity,
            Status = WebinarStatus.Planned,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>A session outside any series (a special edition); staff choose its time, zone and capacity.</summary>
    public static WebinarSession PlanOneOff(string title, DateTimeOffset startsAt, TimeSpan duration, string timeZoneId, int capacity, DateTimeOffset now)
    {
        if (duration <= TimeSpan.Zero || duration > SeriesRule.MaxDuration)
        {
            throw new WebinarRuleException("A session lasts between 1 minute and 8 hours.");
        }

        if (capacity is < 1 or > WebinarLimits.MaxCapacity)
        {
            throw new WebinarRuleException($"The capacity must be between 1 and {WebinarLimits.MaxCapacity:N0}.");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new WebinarRuleException("Give the session a title.");
        }

        return new WebinarSession
        {
            Title = title.Trim(),
            StartsAt = startsAt,
            EndsAt = startsAt + duration,
            TimeZoneId = timeZoneId,
            Capacity = capacity,
            Status = WebinarStatus.Planned,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Moves the session; returns true when invitees must get an updated invitation.</summary>
    public bool Move(DateTimeOffset startsAt, TimeSpan duration, DateTimeOffset now)
    {
        EnsureNotCancelled("move");
        if (duration <= TimeSpan.Zero || duration > SeriesRule.MaxDuration)
        {
            throw new WebinarRuleException("A session lasts between 1 minute and 8 hours.");
        }

        if (startsAt == StartsAt && startsAt + duration == EndsAt)
        {
            return false;
        }

        StartsAt = startsAt;
        EndsAt = startsAt + duration;
        MovedByHand = true;
        Sequence++;
        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// Sets what staff describe; returns true when invitations already sent are out of date: the title (<c>SUMMARY</c>)
    /// or the meeting link (<c>LOCATION</c>) of a session still to come changed. The caller then calls
    /// <see cref="Reissue"/> if anyone holds an invitation.
    /// </summary>
    public bool Describe(string title, string abstractMarkdown, string abstractHtml, TlpLabel tlp, string? meetingLink, int capacity, DateTimeOffset now)
    {
        if (capacity is < 1 or > WebinarLimits.MaxCapacity)
        {
            throw new WebinarRuleException($"The capacity must be between 1 and {WebinarLimits.MaxCapacity:N0}.");
        }

        var newTitle = title.Trim();
        var newLink = string.IsNullOrWhiteSpace(meetingLink) ? null : meetingLink.Trim();
        var invitationChanged = IsUpcoming(now) && (!string.Equals(Title, newTitle, StringComparison.Ordinal) || !string.Equals(MeetingLink, newLink, StringComparison.Ordinal));
        Title = newTitle;
        AbstractMarkdown = abstractMarkdown;
        AbstractHtml = abstractHtml;
        Tlp = tlp;
        MeetingLink = newLink;
        Capacity = capacity;
        UpdatedAt = now;
        return invitationChanged;
    }

    /// <summary>Raises <see cref="Sequence"/> so an updated invitation replaces the one members hold.</summary>
    public void Reissue(DateTimeOffset now)
    {
        EnsureNotCancelled("be re-issued");
        Sequence++;
        UpdatedAt = now;
    }

    public void Confirm(DateTimeOffset now)
    {
        EnsureNotCancelled("confirm");
        Status = WebinarStatus.Confirmed;
        UpdatedAt = now;
    }

    /// <summary>
    /// Stamps the announcement to the members: only a confirmed session that has not started, and only once (the stamp is
    /// what makes a second click, or a second editor, harmless).
    /// </summary>
    public void Announce(DateTimeOffset now)
    {
        if (AnnouncedAt is { } announced)
        {
            throw new WebinarRuleException($"This session was already announced to the members on {announced:d MMMM yyyy 'at' HH:mm} UTC.");
        }

        if (Status != WebinarStatus.Confirmed)
        {
            throw new WebinarRuleException("Confirm the session before announcing it to the members.");
        }

        if (StartsAt <= now)
        {
            throw new WebinarRuleException("A session that has started can no longer be announced.");
        }

        AnnouncedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Whether the announcement emails may still go out (the job checks again before each batch).</summary>
    public bool MayBeAnnounced(DateTimeOffset now) => AnnouncedAt is not null && Status == WebinarStatus.Confirmed && StartsAt > now;

    public void Cancel(DateTimeOffset now)
    {
        EnsureNotCancelled("cancel");
        if (Status == WebinarStatus.Held)
        {
            throw new WebinarRuleException("A session that was held cannot be cancelled.");
        }

        Status = WebinarStatus.Cancelled;
        Sequence++;
        UpdatedAt = now;
    }

    public void MarkHeld(string? recordingLink, DateTimeOffset now)
    {
        EnsureNotCancelled("mark as held");
        if (StartsAt > now)
        {
            throw new WebinarRuleException("A session can be marked as held once it has started.");
        }

        Status = WebinarStatus.Held;
        RecordingLink = string.IsNullOrWhiteSpace(recordingLink) ? null : recordingLink.Trim();
        UpdatedAt = now;
    }

    private void EnsureNotCancelled(string action)
    {
        if (Status == WebinarStatus.Cancelled)
        {
            throw new WebinarRuleException($"A cancelled session cannot {action}.");
        }
    }
}


public sealed class WebinarSessionConfiguration : IEntityTypeConfiguration<WebinarSession>
{
    public void Configure(EntityTypeBuilder<WebinarSession> builder)
    {
        builder.ToTable("webinar_sessions");
        builder.Property(s => s.Title).HasMaxLength(WebinarLimits.Title);
        builder.Property(s => s.AbstractMarkdown).HasMaxLength(WebinarLimits.Abstract);
        builder.Property(s => s.TimeZoneId).HasMaxLength(WebinarLimits.TimeZoneId);
        builder.Property(s => s.MeetingLink).HasMaxLength(WebinarLimits.Url);
        builder.Property(s => s.RecordingLink).HasMaxLength(WebinarLimits.Url);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasOne<WebinarSeries>().WithMany().HasForeignKey(s => s.SeriesId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => new { s.SeriesId, s.SeriesDate }).IsUnique().HasFilter("\"SeriesId\" IS NOT NULL");
        builder.HasIndex(s => new { s.Status, s.StartsAt });
        builder.HasIndex(s => s.StartsAt);
    }
}

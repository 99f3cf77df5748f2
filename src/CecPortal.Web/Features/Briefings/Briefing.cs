using NpgsqlTypes;

namespace CecPortal.Web.Features.Briefings;

/// <summary>
/// The community's briefing for one edition date. The Markdown is rendered to safe HTML once per revision
/// (<see cref="BodyHtml"/>) and that HTML is reused for every reader and every email.
/// </summary>
public sealed class Briefing
{
    private List<VulnerabilityEntry> _vulnerabilities = [];

    private Briefing()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public DateOnly EditionDate { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string BodyMarkdown { get; private set; } = string.Empty;

    /// <summary>The sanitized HTML of <see cref="BodyMarkdown"/> for <see cref="Revision"/>.</summary>
    public string BodyHtml { get; private set; } = string.Empty;

    public TlpLabel Tlp { get; private set; } = TlpRules.Default;

    public IReadOnlyList<VulnerabilityEntry> Vulnerabilities => _vulnerabilities;

    public BriefingStatus Status { get; private set; }

    /// <summary>Goes up by one with every edit; the rendered HTML belongs to one revision.</summary>
    public int Revision { get; private set; }

    public string CreatedById { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public string UpdatedById { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ScheduledAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>When the fan-out started (the ledger was filled).</summary>
    public DateTimeOffset? SendStartedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Full-text search document (title weight A, vulnerabilities A, body B), a generated column.</summary>
    public NpgsqlTsVector SearchVector { get; private set; } = null!;

    /// <summary>Optimistic concurrency (PostgreSQL <c>xmin</c>): two editors cannot overwrite each other silently.</summary>
    public uint Version { get; private set; }

    public bool IsReadable => Status is BriefingStatus.Published or BriefingStatus.Sent;

    public static Briefing Create(DateOnly editionDate, BriefingContent content, string editorId, DateTimeOffset now)
    {
        var briefing = new Briefing
        {
            EditionDate = editionDate,
            CreatedById = editorId,
            CreatedAt = now,
            Status = BriefingStatus.Draft,
        };
        briefing.Apply(content, editorId, now);
        return briefing;
    }

    /// <summary>Replaces the content. Allowed in every state: a published briefing may be corrected (it is not re-sent).</summary>
    public void Edit(DateOnly editionDate, BriefingContent content, string editorId, DateTimeOffset now)
    {
        if (editionDate != EditionDate && Status is not (BriefingStatus.Draft or BriefingStatus.Scheduled))
        {
            throw new BriefingRuleException("The edition date of a published briefing cannot change.");
        }

        EditionDate = editionDate;
        Apply(content, editorId, now);
    }

    public void Schedule(string editorId, DateTimeOffset now)
    {
        EnsureStatus("schedule", BriefingStatus.Draft);
        Status = BriefingStatus.Scheduled;
        ScheduledAt = now;
        Touch(editorId, now);
    }

    public void Unschedule(string editorId, DateTimeOffset now)
    {
        EnsureStatus("move back to draft", BriefingStatus.Scheduled);
        Status = BriefingStatus.Draft;
        ScheduledAt = null;
        Touch(editorId, now);
    }

    /// <summary>Makes the briefing readable by members (the morning job, or an editor publishing early).</summary>
    public void Publish(DateTimeOffset now)
    {
        EnsureStatus("publish", BriefingStatus.Scheduled, BriefingStatus.Draft);
        Status = BriefingStatus.Published;
        PublishedAt = now;
    }

    /// <summary>Records that the fan-out has filled the delivery ledger; refused for TLP:RED.</summary>
    public void StartSending(DateTimeOffset now)
    {
        EnsureStatus("send", BriefingStatus.Published);
        if (!Tlp.MayBeEmailed())
        {
            throw new BriefingRuleException($"A {Tlp.Display()} briefing is never emailed.");
        }

        SendStartedAt ??= now;
    }

    public void MarkSent(DateTimeOffset now)
    {
        EnsureStatus("mark as sent", BriefingStatus.Published);
        Status = BriefingStatus.Sent;
        SentAt = now;
    }

    private void Apply(BriefingContent content, string editorId, DateTimeOffset now)
    {
        Title = content.Title;
        BodyMarkdown = content.BodyMarkdown;
        BodyHtml = content.BodyHtml;
        Tlp = content.Tlp;
        _vulnerabilities = [.. content.Vulnerabilities];
        Revision++;
        Touch(editorId, now);
    }

    private void Touch(string editorId, DateTimeOffset now)
    {
        UpdatedById = editorId;
        UpdatedAt = now;
    }

    private void EnsureStatus(string action, params BriefingStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new BriefingRuleException($"A briefing that is {Status.ToString().ToLowerInvariant()} cannot {action}.");
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NpgsqlTypes;

namespace CecPortal.Web.Features.Briefings;

/// <summary>Where a briefing stands: written, ready for its date, readable by members, emailed.</summary>
public enum BriefingStatus
{
    Draft = 0,

    /// <summary>Ready for its edition date: the morning job publishes and sends it.</summary>
    Scheduled = 1,

    /// <summary>Readable by members in the browser (TLP:RED briefings stop here: they are never emailed).</summary>
    Published = 2,

    /// <summary>The morning email went out to every eligible member (each one sent or failed for good).</summary>
    Sent = 3,
}

public enum VulnerabilitySeverity
{
    None = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}

/// <summary>Field limits shared by the entity, its configuration and the authoring form.</summary>
public static class BriefingLimits
{
    public const int Title = 200;
    public const int Body = 100_000;
    public const int VulnerabilityEntries = 50;
    public const int CveId = 20;
    public const int Product = 200;
    public const int Summary = 300;
    public const int Link = 500;
}

/// <summary>One structured vulnerability entry of a briefing, rendered as a table row.</summary>
public sealed record VulnerabilityEntry
{
    public required string CveId { get; init; }

    public required string Product { get; init; }

    public VulnerabilitySeverity Severity { get; init; }

    public required string Summary { get; init; }

    public string? Link { get; init; }
}

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

/// <summary>The editable content of a briefing, with its Markdown already rendered by <c>MarkdownRenderer</c>.</summary>
public sealed record BriefingContent(string Title, string BodyMarkdown, string BodyHtml, TlpLabel Tlp, IReadOnlyList<VulnerabilityEntry> Vulnerabilities);


public sealed class BriefingConfiguration : IEntityTypeConfiguration<Briefing>
{
    /// <summary>The search document; <c>jsonb_to_tsvector</c> indexes the string values of the vulnerability entries.</summary>
    public const string SearchVectorSql =
        "setweight(to_tsvector('english'::regconfig, \"Title\"), 'A') || " +
        "setweight(jsonb_to_tsvector('english'::regconfig, \"Vulnerabilities\", '[\"string\"]'), 'A') || " +
        "setweight(to_tsvector('english'::regconfig, \"BodyMarkdown\"), 'B')";

    public void Configure(EntityTypeBuilder<Briefing> builder)
    {
        builder.ToTable("briefings");
        builder.HasIndex(b => b.EditionDate).IsUnique();
        builder.HasIndex(b => new { b.Status, b.EditionDate });
        builder.Property(b => b.Title).HasMaxLength(BriefingLimits.Title);
        builder.Property(b => b.BodyMarkdown).HasMaxLength(BriefingLimits.Body);
        builder.Property(b => b.CreatedById).HasMaxLength(450);
        builder.Property(b => b.UpdatedById).HasMaxLength(450);
        builder.Property(b => b.Version).IsRowVersion();
        builder.Ignore(b => b.IsReadable);
        builder.Property<List<VulnerabilityEntry>>("_vulnerabilities")
            .HasColumnName("Vulnerabilities")
            .HasColumnType("jsonb")
            .HasConversion(new VulnerabilityEntriesConverter(), new VulnerabilityEntriesComparer())
            .IsRequired();
        builder.Ignore(b => b.Vulnerabilities);
        builder.Property(b => b.SearchVector).HasComputedColumnSql(SearchVectorSql, stored: true);
        builder.HasIndex(b => b.SearchVector).HasMethod("GIN");
    }
}

/// <summary>Stores the vulnerability entries as a JSON array (jsonb), severities by name.</summary>
public sealed class VulnerabilityEntriesConverter() : ValueConverter<List<VulnerabilityEntry>, string>(
    entries => JsonSerializer.Serialize(entries, VulnerabilityJson.Options),
    json => JsonSerializer.Deserialize<List<VulnerabilityEntry>>(json, VulnerabilityJson.Options) ?? new List<VulnerabilityEntry>());

public sealed class VulnerabilityEntriesComparer() : ValueComparer<List<VulnerabilityEntry>>(
    (left, right) => left != null && right != null && left.SequenceEqual(right),
    entries => entries.Aggregate(0, (hash, entry) => HashCode.Combine(hash, entry.GetHashCode())),
    entries => entries.ToList());

internal static class VulnerabilityJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}

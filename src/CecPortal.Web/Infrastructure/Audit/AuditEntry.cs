using System.Net;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Infrastructure.Audit;

/// <summary>
/// A staff action on people or settings, or a security event (sign-in, sign-out, role change), kept for
/// accountability: who did what to which record, when, why and from where.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxUserAgentLength = 300;

    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    public string? ActorId { get; init; }

    public required string ActorName { get; init; }

    public required string Action { get; init; }

    public required string Subject { get; init; }

    public string? Note { get; init; }

    /// <summary>The client address of the request that caused the entry; null for jobs and commands.</summary>
    public IPAddress? IpAddress { get; init; }

    /// <summary>The request's User-Agent header, cut to <see cref="MaxUserAgentLength"/> characters.</summary>
    public string? UserAgent { get; init; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.Subject).HasMaxLength(200);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.Property(e => e.UserAgent).HasMaxLength(AuditEntry.MaxUserAgentLength);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Subject, e.At });
        builder.HasIndex(e => new { e.Action, e.At });
        builder.HasIndex(e => new { e.IpAddress, e.At });
    }
}

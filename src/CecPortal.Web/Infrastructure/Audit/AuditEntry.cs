using CecPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Infrastructure.Audit;

/// <summary>A staff action on people or settings, kept for accountability: who did what to which record, when and why.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    public string? ActorId { get; init; }

    public required string ActorName { get; init; }

    public required string Action { get; init; }

    public required string Subject { get; init; }

    public string? Note { get; init; }
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
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Subject, e.At });
    }
}

/// <summary>Adds audit entries to the current unit of work; the caller's SaveChanges commits them with the change.</summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock)
{
    public void Record(string? actorId, string actorName, string action, string subject, string? note = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actorId,
            ActorName = actorName,
            Action = action,
            Subject = subject,
            Note = note,
        });
}

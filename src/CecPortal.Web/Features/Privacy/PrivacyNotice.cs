using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Privacy;

/// <summary>
/// One published version of the privacy notice. Versions are never edited: an Admin publishes a new one, and every
/// signed-in person is asked to accept it before going on. Version 1 ships with the portal (see <see cref="InitialPrivacyNotice"/>).
/// </summary>
public sealed class PrivacyNotice
{
    public const int MaxMarkdownLength = 20_000;
    public const int MaxChangeSummaryLength = 500;

    private PrivacyNotice()
    {
    }

    public int Version { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>The notice in Markdown, rendered with the portal's safe Markdown renderer.</summary>
    public string Markdown { get; private set; } = string.Empty;

    /// <summary>What changed since the previous version, shown on the accept page.</summary>
    public string? ChangeSummary { get; private set; }

    /// <summary>Display name of the Admin who published it; null for the version shipped with the portal.</summary>
    public string? PublishedBy { get; private set; }

    /// <summary>The next version after <paramref name="currentVersion"/>; the text and summary must be given.</summary>
    public static PrivacyNotice Publish(int currentVersion, string markdown, string changeSummary, string publishedBy, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            throw new PrivacyRuleException("Write the text of the notice.");
        }

        if (string.IsNullOrWhiteSpace(changeSummary))
        {
            throw new PrivacyRuleException("Say in a sentence what changed: members read it before accepting.");
        }

        return new PrivacyNotice
        {
            Version = currentVersion + 1,
            PublishedAt = now,
            Markdown = markdown.Trim(),
            ChangeSummary = changeSummary.Trim(),
            PublishedBy = publishedBy,
        };
    }

    internal static PrivacyNotice Initial() => new()
    {
        Version = 1,
        PublishedAt = InitialPrivacyNotice.PublishedAt,
        Markdown = InitialPrivacyNotice.Markdown,
    };
}

/// <summary>That a person accepted one version of the notice, and when.</summary>
public sealed class PrivacyAcceptance
{
    public long Id { get; init; }

    public required string UserId { get; init; }

    public int Version { get; init; }

    public DateTimeOffset AcceptedAt { get; init; }
}


public sealed class PrivacyNoticeConfiguration : IEntityTypeConfiguration<PrivacyNotice>
{
    public void Configure(EntityTypeBuilder<PrivacyNotice> builder)
    {
        builder.ToTable("privacy_notices");
        builder.HasKey(n => n.Version);
        builder.Property(n => n.Version).ValueGeneratedNever();
        builder.Property(n => n.Markdown).HasMaxLength(PrivacyNotice.MaxMarkdownLength);
        builder.Property(n => n.ChangeSummary).HasMaxLength(PrivacyNotice.MaxChangeSummaryLength);
        builder.Property(n => n.PublishedBy).HasMaxLength(200);

        // Every database starts with the notice shipped with the portal, so there is always a current version.
        builder.HasData(PrivacyNotice.Initial());
    }
}

public sealed class PrivacyAcceptanceConfiguration : IEntityTypeConfiguration<PrivacyAcceptance>
{
    public void Configure(EntityTypeBuilder<PrivacyAcceptance> builder)
    {
        builder.ToTable("privacy_acceptances");
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.HasIndex(a => new { a.UserId, a.Version }).IsUnique();
        builder.HasIndex(a => a.Version);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PrivacyNotice>().WithMany().HasForeignKey(a => a.Version).OnDelete(DeleteBehavior.Restrict);
    }
}

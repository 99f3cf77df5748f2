using CecPortal.Web.Features.Profile;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Data;

/// <summary>A person who can sign in: a member CISO or a member of staff.</summary>
public sealed class PortalUser : IdentityUser
{
    /// <summary>The longest reason a suspension or reinstatement may record.</summary>
    public const int MaxReasonLength = 500;

    public required string FullName { get; set; }

    public string? JobTitle { get; set; }

    public string? Organisation { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code of the country the person works in.</summary>
    public string? CountryCode { get; set; }

    /// <summary>NIS2 sector code of the person's organisation.</summary>
    public string? SectorCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set while an Admin has suspended the membership: no sign-in, no email.</summary>
    public DateTimeOffset? SuspendedAt { get; set; }

    public string? SuspensionReason { get; set; }

    public bool IsSuspended => SuspendedAt is not null;

    /// <summary>Set when the member turned the daily briefing email off (profile or one-click unsubscribe).</summary>
    public DateTimeOffset? BriefingOptOutAt { get; set; }

    /// <summary>SHA-256 (hex) of the member's secret Atom feed token; the token itself is shown once and never stored.</summary>
    public string? FeedTokenHash { get; set; }

    public DateTimeOffset? FeedTokenCreatedAt { get; set; }

    /// <summary>IANA time zone the member reads times in; null means "from the country" (see the webinar pages).</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>SHA-256 (hex) of the member's secret webinar calendar (ICS) token; shown once, never stored.</summary>
    public string? CalendarTokenHash { get; set; }

    /// <summary>RFC 6238 time step of the last authenticator code accepted; a code of this step or earlier is refused (no replay).</summary>
    public long? LastTotpTimeStep { get; set; }

    /// <summary>Set when the account was erased (GDPR Art. 17): the row is a tombstone without personal data.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    public bool IsErased => ErasedAt is not null;

    /// <summary>Set when the member turned webinar announcement emails off (profile or one-click unsubscribe).</summary>
    public DateTimeOffset? WebinarAnnouncementsOptOutAt { get; set; }

    /// <summary>The member chose not to be listed in the member directory (listed by default).</summary>
    public bool HiddenFromDirectory { get; set; }

    /// <summary>A new sign-in email waiting for confirmation from that mailbox; the current email stays in force until then.</summary>
    public string? PendingEmail { get; set; }

    public DateTimeOffset? PendingEmailRequestedAt { get; set; }

    public ProfileDetails Details => new(FullName, JobTitle, Organisation, CountryCode, SectorCode, HiddenFromDirectory);

    /// <summary>Applies what the person typed on their profile; returns the names of the fields that changed.</summary>
    public IReadOnlyList<string> ChangeProfile(ProfileDetails details)
    {
        if (details.FullName.Length == 0)
        {
            throw new AccountRuleException("Enter your name.");
        }

        if (new[] { details.FullName, details.JobTitle, details.Organisation }.Any(v => v is { Length: > ProfileDetails.MaxTextLength }))
        {
            throw new AccountRuleException($"Each field may have at most {ProfileDetails.MaxTextLength} characters.");
        }

        var changed = details.ChangedFrom(Details);
        FullName = details.FullName;
        JobTitle = details.JobTitle;
        Organisation = details.Organisation;
        CountryCode = details.CountryCode;
        SectorCode = details.SectorCode;
        HiddenFromDirectory = details.HiddenFromDirectory;
        return changed;
    }

    /// <summary>Suspends the membership; the caller also renews the security stamp so open sessions end.</summary>
    public void Suspend(string reason, DateTimeOffset now)
    {
        if (IsSuspended)
        {
            throw new AccountRuleException($"{FullName} is already suspended.");
        }

        var checkedReason = RequireReason(reason);
        SuspendedAt = now;
        SuspensionReason = checkedReason;
    }

    public void Reinstate(string reason)
    {
        if (!IsSuspended)
        {
            throw new AccountRuleException($"{FullName} is not suspended.");
        }

        RequireReason(reason);
        SuspendedAt = null;
        SuspensionReason = null;
    }

    private static string RequireReason(string reason)
    {
        var trimmed = reason.Trim();
        return trimmed.Length switch
        {
            0 => throw new AccountRuleException("Give a reason for the record."),
            > MaxReasonLength => throw new AccountRuleException($"The reason may have at most {MaxReasonLength} characters."),
            _ => trimmed,
        };
    }
}


public sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.JobTitle).HasMaxLength(200);
        builder.Property(u => u.Organisation).HasMaxLength(200);
        builder.Property(u => u.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(u => u.SectorCode).HasMaxLength(64);
        builder.Property(u => u.SuspensionReason).HasMaxLength(PortalUser.MaxReasonLength);
        builder.Ignore(u => u.IsSuspended);
        builder.Ignore(u => u.IsErased);

        builder.Ignore(u => u.Details);
        builder.HasIndex(u => new { u.CountryCode, u.SectorCode });
        builder.Property(u => u.FeedTokenHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(u => u.FeedTokenHash).IsUnique().HasFilter("\"FeedTokenHash\" IS NOT NULL");
        builder.Property(u => u.TimeZoneId).HasMaxLength(64);
        builder.Property(u => u.CalendarTokenHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(u => u.CalendarTokenHash).IsUnique().HasFilter("\"CalendarTokenHash\" IS NOT NULL");

        // Written only by the authenticator provider's conditional UPDATE. Identity's UserStore saves whole entities
        // (Context.Update), which would otherwise write back a stale step read before the claim and reopen a replay.
        builder.Property(u => u.LastTotpTimeStep).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);

        builder.Property(u => u.PendingEmail).HasMaxLength(256);
    }
}

using CecPortal.Web.Features.Webinars.Sessions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Webinars.Proposals;

/// <summary>A member's answer to the call for speakers; staff accept it into a session or decline it with a note.</summary>
public sealed class TalkProposal
{
    private List<DateOnly> _preferredMonths = [];

    private TalkProposal()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string MemberId { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    public string AbstractMarkdown { get; private set; } = string.Empty;

    /// <summary>First day of each month the member would like to speak in.</summary>
    public IReadOnlyList<DateOnly> PreferredMonths => _preferredMonths;

    public ProposalStatus Status { get; private set; }

    /// <summary>The staff note sent with the decision (required when declining).</summary>
    public string? DecisionNote { get; private set; }

    public string? DecidedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The session the talk was accepted into.</summary>
    public Guid? SessionId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static TalkProposal Submit(string memberId, string title, string abstractMarkdown, IEnumerable<DateOnly> preferredMonths, DateTimeOffset now) => new()
    {
        MemberId = memberId,
        Title = title.Trim(),
        AbstractMarkdown = abstractMarkdown,
        _preferredMonths = [.. preferredMonths.Select(m => new DateOnly(m.Year, m.Month, 1)).Distinct().Order()],
        Status = ProposalStatus.Submitted,
        CreatedAt = now,
    };

    public void Accept(Guid sessionId, string staffId, string? note, DateTimeOffset now)
    {
        EnsureSubmitted("accept");
        Status = ProposalStatus.Accepted;
        SessionId = sessionId;
        Decide(staffId, note, now);
    }

    public void Decline(string staffId, string note, DateTimeOffset now)
    {
        EnsureSubmitted("decline");
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new WebinarRuleException("Give the member a short note on why the talk is declined.");
        }

        Status = ProposalStatus.Declined;
        Decide(staffId, note, now);
    }

    public void Withdraw(DateTimeOffset now)
    {
        EnsureSubmitted("withdraw");
        Status = ProposalStatus.Withdrawn;
        DecidedAt = now;
    }

    private void Decide(string staffId, string? note, DateTimeOffset now)
    {
        DecidedById = staffId;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        DecidedAt = now;
    }

    private void EnsureSubmitted(string action)
    {
        if (Status != ProposalStatus.Submitted)
        {
            throw new WebinarRuleException($"A proposal that is {Status.ToString().ToLowerInvariant()} cannot {action}.");
        }
    }
}

public sealed class TalkProposalConfiguration : IEntityTypeConfiguration<TalkProposal>
{
    public void Configure(EntityTypeBuilder<TalkProposal> builder)
    {
        builder.ToTable("talk_proposals");
        builder.Property(p => p.MemberId).HasMaxLength(450);
        builder.Property(p => p.Title).HasMaxLength(WebinarLimits.Title);
        builder.Property(p => p.AbstractMarkdown).HasMaxLength(WebinarLimits.Abstract);
        builder.Property(p => p.DecisionNote).HasMaxLength(WebinarLimits.Note);
        builder.Property(p => p.DecidedById).HasMaxLength(450);
        builder.Property<List<DateOnly>>("_preferredMonths").HasColumnName("PreferredMonths");
        builder.Ignore(p => p.PreferredMonths);
        builder.HasIndex(p => new { p.Status, p.CreatedAt });
        builder.HasIndex(p => p.MemberId);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WebinarSession>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.SetNull);
    }
}

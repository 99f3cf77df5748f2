using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;

namespace CecPortal.Web.Features.Webinars.Proposals;

/// <summary>Members proposing talks and following their proposals; staff decide them elsewhere (Admin).</summary>
public sealed class CallForSpeakers(AppDbContext db, TimeProvider clock)
{
    /// <summary>How many months ahead a member may ask for.</summary>
    public const int MonthsAhead = 12;

    /// <summary>The months offered: the next twelve after the current one (in the organiser's zone), as their first days.</summary>
    public IReadOnlyList<DateOnly> OfferedMonths()
    {
        var today = DateOnly.FromDateTime(WallClock.InZone(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(MemberTimeZones.Fallback)).DateTime);
        var first = new DateOnly(today.Year, today.Month, 1);
        return [.. Enumerable.Range(1, MonthsAhead).Select(first.AddMonths)];
    }

    public async Task<Guid> SubmitAsync(string memberId, string title, string abstractMarkdown, IReadOnlyCollection<DateOnly> preferredMonths, CancellationToken cancellationToken)
    {
        var offered = OfferedMonths();
        if (preferredMonths.Count == 0 || preferredMonths.Any(m => !offered.Contains(m)))
        {
            throw new WebinarRuleException("Choose at least one of the months offered.");
        }

        var proposal = TalkProposal.Submit(memberId, title, abstractMarkdown.Trim(), preferredMonths, clock.GetUtcNow());
        db.TalkProposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        return proposal.Id;
    }

    public async Task<IReadOnlyList<ProposalView>> MineAsync(string memberId, CancellationToken cancellationToken)
    {
        var rows = await db.TalkProposals.AsNoTracking()
            .Where(p => p.MemberId == memberId)
            .OrderByDescending(p => p.CreatedAt)
            .Select(p => new { p.Id, p.Title, Months = EF.Property<List<DateOnly>>(p, "_preferredMonths"), p.Status, p.DecisionNote, p.CreatedAt, p.DecidedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(p => new ProposalView(p.Id, p.Title, p.Months, p.Status, p.DecisionNote, p.CreatedAt, p.DecidedAt))];
    }

    /// <summary>Withdraws one of the member's own submitted proposals; another member's proposal counts as unknown.</summary>
    public async Task<string> WithdrawAsync(Guid proposalId, string memberId, CancellationToken cancellationToken)
    {
        var proposal = await db.TalkProposals.SingleOrDefaultAsync(p => p.Id == proposalId && p.MemberId == memberId, cancellationToken)
            ?? throw new WebinarRuleException("This proposal does not exist.");
        proposal.Withdraw(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return proposal.Title;
    }
}

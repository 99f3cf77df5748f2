using CecPortal.Web.Features.Webinars.Proposals;

namespace CecPortal.Web.Features.Admin.Webinars;

/// <summary>The call for speakers: proposals waiting for a decision (oldest first), and the latest decisions.</summary>
public sealed class ProposalsModel(AppDbContext db) : PageModel
{
    public const int RecentDecisions = 20;

    public IReadOnlyList<ProposalRow> Submitted { get; private set; } = [];

    public IReadOnlyList<ProposalRow> Decided { get; private set; } = [];

    public sealed record ProposalRow(Guid Id, string MemberName, string? Organisation, string Title, IReadOnlyList<DateOnly> PreferredMonths, ProposalStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var submitted = await RowsAsync(db.TalkProposals.Where(p => p.Status == ProposalStatus.Submitted), cancellationToken);
        Submitted = [.. submitted.OrderBy(p => p.CreatedAt)];
        var decided = await RowsAsync(db.TalkProposals.Where(p => p.Status != ProposalStatus.Submitted).OrderByDescending(p => p.DecidedAt).Take(RecentDecisions), cancellationToken);
        Decided = [.. decided.OrderByDescending(p => p.DecidedAt)];
    }

    private async Task<IReadOnlyList<ProposalRow>> RowsAsync(IQueryable<TalkProposal> proposals, CancellationToken cancellationToken)
    {
        // The whole entity, because the preferred months live in a mapped field rather than a property.
        var rows = await (from p in proposals.AsNoTracking()
                          join u in db.Users on p.MemberId equals u.Id
                          select new { Proposal = p, u.FullName, u.Organisation })
                         .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ProposalRow(r.Proposal.Id, r.FullName, r.Organisation, r.Proposal.Title, r.Proposal.PreferredMonths, r.Proposal.Status, r.Proposal.CreatedAt, r.Proposal.DecidedAt))];
    }
}

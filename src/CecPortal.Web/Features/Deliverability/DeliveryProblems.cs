namespace CecPortal.Web.Features.Deliverability;

/// <summary>What staff read about delivery problems: undeliverable addresses, recent complaints, bounces per briefing and per member.</summary>
public sealed class DeliveryProblems(AppDbContext db, TimeProvider clock)
{
    /// <summary>Complaints stay on the staff list this long (the member is already off the mailing).</summary>
    public static readonly TimeSpan RecentComplaints = TimeSpan.FromDays(90);

    public const int MaxBouncesShown = 50;

    public sealed record UndeliverableRow(string MemberId, string FullName, string? Email, DateTimeOffset Since, string? Reason, int Bounces);

    public sealed record BounceRow(long Id, string? MemberId, string? FullName, BounceKind Kind, BounceSource Source, DateTimeOffset ReceivedAt, string? StatusCode, string? Diagnostic)
    {
        public string KindText => MailBounce.KindText(Kind);

        public string SourceText => Source switch
        {
            BounceSource.DeliveryReport => "Bounce report",
            BounceSource.FeedbackReport => "Feedback loop",
            _ => "Refused while sending",
        };
    }

    /// <summary>Members whose address is marked undeliverable, most recent first.</summary>
    public Task<PageOf<UndeliverableRow>> UndeliverableAsync(int pageNumber, int pageSize, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => u.UndeliverableSince != null && u.ErasedAt == null)
            .OrderByDescending(u => u.UndeliverableSince).ThenBy(u => u.Id)
            .Select(u => new UndeliverableRow(u.Id, u.FullName, u.Email, u.UndeliverableSince!.Value, u.UndeliverableReason, db.MailBounces.Count(b => b.MemberId == u.Id)))
            .ToPageAsync(pageNumber, pageSize, cancellationToken);

    public Task<int> UndeliverableCountAsync(CancellationToken cancellationToken) =>
        db.Users.CountAsync(u => u.UndeliverableSince != null && u.ErasedAt == null, cancellationToken);

    /// <summary>Spam complaints of the last <see cref="RecentComplaints"/>, newest first.</summary>
    public Task<List<BounceRow>> RecentComplaintsAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - RecentComplaints;
        return Rows(db.MailBounces.Where(b => b.Kind == BounceKind.Complaint && b.ReceivedAt >= since), cancellationToken);
    }

    /// <summary>The bounces of one briefing's emails, for its delivery page.</summary>
    public Task<List<BounceRow>> ForBriefingAsync(Guid briefingId, CancellationToken cancellationToken) =>
        Rows(db.MailBounces.Where(b => b.BriefingId == briefingId), cancellationToken);

    /// <summary>The bounces of one member's mail, for their staff page.</summary>
    public Task<List<BounceRow>> ForMemberAsync(string memberId, CancellationToken cancellationToken) =>
        Rows(db.MailBounces.Where(b => b.MemberId == memberId), cancellationToken);

    /// <summary>The signed-in person's own undeliverable mark, for the banner: one indexed read.</summary>
    public Task<AddressProblem?> OwnProblemAsync(string userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.UndeliverableSince != null)
            .Select(u => new AddressProblem(u.Email, u.UndeliverableSince!.Value, u.UndeliverableReason))
            .SingleOrDefaultAsync(cancellationToken);

    private Task<List<BounceRow>> Rows(IQueryable<MailBounce> bounces, CancellationToken cancellationToken) =>
        (from b in bounces.AsNoTracking()
         join u in db.Users on b.MemberId equals u.Id into members
         from u in members.DefaultIfEmpty()
         orderby b.ReceivedAt descending, b.Id descending
         select new BounceRow(b.Id, b.MemberId, u == null ? null : u.FullName, b.Kind, b.Source, b.ReceivedAt, b.StatusCode, b.Diagnostic))
        .Take(MaxBouncesShown)
        .ToListAsync(cancellationToken);
}

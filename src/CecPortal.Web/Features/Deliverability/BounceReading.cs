namespace CecPortal.Web.Features.Deliverability;

/// <summary>What <see cref="BounceReportReader"/> made of a message: a report to record, a report of nothing to count, or not a report.</summary>
public sealed record BounceReading(BounceReport? Report, bool IsReport = true)
{
    public static BounceReading Unreadable { get; } = new(null, IsReport: false);

    public static BounceReading NothingToCount { get; } = new(Report: null);
}

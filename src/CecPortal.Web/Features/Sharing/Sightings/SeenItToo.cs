namespace CecPortal.Web.Features.Sharing.Sightings;

/// <summary>
/// The "seen it too" count of one message as readers see it: the total, and a breakdown by sector only where it
/// singles nobody out (see <see cref="Of"/>). <see cref="SeenByMe"/> is null when rendered for no one in particular
/// (a live push, which each page completes with its own reader's state).
/// </summary>
public sealed record SeenItToo(int Total, IReadOnlyList<SectorSightings> Sectors, int OtherSectors, bool? SeenByMe)
{
    /// <summary>The fewest members a group shown on its own may have: fewer could point at a person.</summary>
    public const int SmallestGroup = 3;

    public static readonly SeenItToo None = new(0, [], 0, SeenByMe: false);

    public bool HasBreakdown => Sectors.Count > 0;

    /// <summary>
    /// The rule of sharing-design.md: every sector with fewer than <see cref="SmallestGroup"/> members merges into
    /// "other sectors"; when that bucket itself holds 1 or 2 members, the count shows only the total, with no
    /// breakdown (shown beside the named sectors, its size would say that one or two members of other sectors saw it).
    /// With no sector large enough to name, a breakdown would say nothing more than the total, so there is none.
    /// </summary>
    public static SeenItToo Of(IEnumerable<SectorSightings> bySector, bool? seenByMe)
    {
        var sectors = bySector.Where(s => s.Count > 0).ToList();
        var total = sectors.Sum(s => s.Count);
        List<SectorSightings> named = [.. sectors
            .Where(s => s.Sector is not null && s.Count >= SmallestGroup)
            .OrderByDescending(s => s.Count)
            .ThenBy(s => s.Sector, StringComparer.Ordinal)];
        var other = total - named.Sum(s => s.Count);
        return named.Count == 0 || other is > 0 and < SmallestGroup
            ? new SeenItToo(total, [], 0, seenByMe)
            : new SeenItToo(total, named, other, seenByMe);
    }
}

namespace CecPortal.Web.Features.Membership.Vetting;

/// <summary>
/// Approval needs two different people: one covering the applicant's country and one covering the sector.
/// One vetter covering both counts once; an Admin covers both sides.
/// </summary>
public static class FourEyesRule
{
    public static bool IsSatisfied(IEnumerable<ApprovalCoverage> approvals)
    {
        var distinct = approvals.GroupBy(a => a.ReviewerId)
            .Select(g => new ApprovalCoverage(g.Key, g.Any(a => a.CoversCountry), g.Any(a => a.CoversSector)))
            .ToList();
        return distinct.Any(country => country.CoversCountry
            && distinct.Any(sector => sector.CoversSector && sector.ReviewerId != country.ReviewerId));
    }

    /// <summary>What is still missing, in words for the vetting page; null when satisfied.</summary>
    public static string? Missing(IEnumerable<ApprovalCoverage> approvals)
    {
        var list = approvals.ToList();
        if (IsSatisfied(list))
        {
            return null;
        }

        if (list.Count == 0)
        {
            return "Two approvals are needed: one from a vetter covering the country and one from a vetter covering the sector.";
        }

        var hasCountry = list.Any(a => a.CoversCountry);
        var hasSector = list.Any(a => a.CoversSector);
        return (hasCountry, hasSector) switch
        {
            (true, false) => "Still needed: an approval from a vetter covering the sector.",
            (false, true) => "Still needed: an approval from a vetter covering the country.",
            _ => "Still needed: an approval from a second vetter (country or sector).",
        };
    }
}

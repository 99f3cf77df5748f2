namespace CecPortal.Web.Features.Consultations.Results;

/// <summary>
/// One breakdown of the respondents: its groups (none when it cannot be shown at all) and one sentence explaining what
/// was merged or why it is not shown (null when every group is shown as it is).
/// </summary>
public sealed record ResultBreakdown(BreakdownKind Kind, IReadOnlyList<ResultGroup> Groups, string? Note)
{
    public bool IsShown => Groups.Count > 0;

    public string Title => Kind switch
    {
        BreakdownKind.Country => "By country",
        BreakdownKind.Sector => "By sector",
        _ => "By country and sector",
    };
}

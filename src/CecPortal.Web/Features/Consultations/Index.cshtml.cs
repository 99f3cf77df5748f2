namespace CecPortal.Web.Features.Consultations;

/// <summary>The consultations a member is invited to answer, and the published ones with their position papers.</summary>
public sealed class IndexModel(ConsultationAnswering answering) : PageModel
{
    public IReadOnlyList<ConsultationSummary> Open { get; private set; } = [];

    public IReadOnlyList<ConsultationSummary> Published { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await answering.ListAsync(Actor.Of(User).Id, IsStaffOnly(User), cancellationToken);
        Open = [.. all.Where(c => c.Status == ConsultationStatus.Open)];
        Published = [.. all.Where(c => c.Status == ConsultationStatus.Published)];
    }

    /// <summary>Staff who are not members see every open consultation (they answer none); a member sees their audience's.</summary>
    public static bool IsStaffOnly(System.Security.Claims.ClaimsPrincipal user) =>
        !user.IsInRole(Roles.Member) && Roles.Staff.Any(user.IsInRole);
}

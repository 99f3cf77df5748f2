namespace CecPortal.Web.Features.Admin.Members;

/// <summary>
/// The staff dashboard's membership-over-time tile for Admins: members due to confirm their role, lapsed, and alumni,
/// each linking to the member list filtered so. One grouped query.
/// </summary>
public sealed class MembershipStandingViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public sealed record Counts(int Due, int Lapsed, int Alumni);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!UserClaimsPrincipal.IsInRole(Roles.Admin))
        {
            return Content(string.Empty);
        }

        var now = clock.GetUtcNow();
        var counts = await db.UsersInRole(Roles.Member).AsNoTracking()
            .Where(u => u.ErasedAt == null)
            .GroupBy(_ => 1)
            .Select(g => new Counts(
                g.Count(u => u.LeftAt == null && u.LapsedAt == null && u.AttestationDueAt <= now),
                g.Count(u => u.LeftAt == null && u.LapsedAt != null),
                g.Count(u => u.LeftAt != null)))
            .FirstOrDefaultAsync(HttpContext.RequestAborted) ?? new Counts(0, 0, 0);
        return View("~/Features/Admin/Members/_MembershipStanding.cshtml", counts);
    }
}

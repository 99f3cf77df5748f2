using CecPortal.Web.Features.Admin.Dashboard;

namespace CecPortal.Web.Features.Admin;

/// <summary>The staff landing page; the /Admin folder convention requires a staff role.</summary>
public sealed class IndexModel(AppDbContext db, IAuthorizationService authorization, StaffDashboard dashboard) : PageModel
{
    public AdminFigures Figures { get; private set; } = null!;

    public bool IsAdmin { get; private set; }

    public bool CanVet { get; private set; }

    public bool CanEditBriefings { get; private set; }

    public bool CanModerate { get; private set; }

    public bool CanRunConsultations { get; private set; }

    public DashboardView Dashboard { get; private set; } = null!;

    public sealed record AdminFigures(int Members, int Staff, int EmailsWaiting, int EmailsFailing);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IsAdmin = User.IsInRole(Roles.Admin);
        CanVet = (await authorization.AuthorizeAsync(User, Policies.Vetting)).Succeeded;
        CanEditBriefings = (await authorization.AuthorizeAsync(User, Policies.Editorial)).Succeeded;
        CanModerate = (await authorization.AuthorizeAsync(User, Policies.Moderation)).Succeeded;
        CanRunConsultations = (await authorization.AuthorizeAsync(User, Policies.Consultations)).Succeeded;
        var membersByRole = await (from ur in db.UserRoles
                                   join r in db.Roles on ur.RoleId equals r.Id
                                   group ur by r.Name into g
                                   select new { Role = g.Key, Count = g.Select(x => x.UserId).Distinct().Count() })
                                   .ToDictionaryAsync(x => x.Role!, x => x.Count, cancellationToken);
        var staffCount = await (from ur in db.UserRoles
                                join r in db.Roles on ur.RoleId equals r.Id
                                where Roles.Staff.Contains(r.Name!)
                                select ur.UserId).Distinct().CountAsync(cancellationToken);
        var waiting = await db.OutboundEmails.CountAsync(e => e.SentAt == null, cancellationToken);
        var failing = await db.OutboundEmails.CountAsync(e => e.SentAt == null && e.LastError != null, cancellationToken);
        Figures = new AdminFigures(membersByRole.GetValueOrDefault(Roles.Member), staffCount, waiting, failing);
        Dashboard = DashboardView.Create(await dashboard.LoadAsync(cancellationToken));
    }
}

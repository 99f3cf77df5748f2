namespace CecPortal.Web.Features.Admin.Staff;

/// <summary>Everyone holding a staff role, with their roles, two-step sign-in and account state.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];

    public int ActiveAdmins { get; private set; }

    public sealed record StaffRow(string Id, string FullName, string? Email, IReadOnlyList<string> Roles, bool TwoFactorEnabled, bool HasPassword, bool IsSuspended, bool IsMember)
    {
        public bool IsVetter => Roles.Contains(Data.Roles.Vetter);
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var staffRoleIds = db.Roles.Where(r => Roles.Staff.Contains(r.Name!)).Select(r => r.Id);
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.ErasedAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoleIds.Contains(ur.RoleId)))
            .OrderBy(u => u.FullName).ThenBy(u => u.Id)
            .Select(u => new
            {
                u.Id,
                u.FullName,
                u.Email,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                u.TwoFactorEnabled,
                HasPassword = u.PasswordHash != null,
                IsSuspended = u.SuspendedAt != null,
            })
            .ToListAsync(cancellationToken);
        Staff = [.. rows.Select(r => new StaffRow(
            r.Id,
            r.FullName,
            r.Email,
            [.. Roles.Staff.Where(r.Roles.Contains)],
            r.TwoFactorEnabled,
            r.HasPassword,
            r.IsSuspended,
            r.Roles.Contains(Roles.Member)))];
        ActiveAdmins = await LastAdminRule.ActiveAdmins(db).CountAsync(cancellationToken);
    }
}

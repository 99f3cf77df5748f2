using CecPortal.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CecPortal.Web.Features.Profile;

[Authorize(Policy = Policies.Community)]
public sealed class IndexModel(AppDbContext db, UserManager<PortalUser> users) : PageModel
{
    public ProfileView Profile { get; private set; } = null!;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public sealed record ProfileView(string FullName, string? Email, string? JobTitle, string? Organisation, string? CountryCode, string? SectorCode);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        var profile = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new ProfileView(u.FullName, u.Email, u.JobTitle, u.Organisation, u.CountryCode, u.SectorCode))
            .SingleOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return Challenge();
        }

        Profile = profile;
        Roles = await (from ur in db.UserRoles
                       join r in db.Roles on ur.RoleId equals r.Id
                       where ur.UserId == userId
                       orderby r.Name
                       select r.Name!).ToListAsync(cancellationToken);
        return Page();
    }
}

using CecPortal.Web.Data;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CecPortal.Web.Features.Profile;

[Authorize(Policy = Policies.Community)]
public sealed class IndexModel(AppDbContext db, UserManager<PortalUser> users, BriefingSubscription subscription, PortalUrls urls) : PageModel
{
    /// <summary>TempData key of a new feed address: read once, so it is shown once.</summary>
    public const string NewFeedUrlKey = "NewFeedUrl";

    public ProfileView Profile { get; private set; } = null!;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public SubscriptionSettings Briefing { get; private set; } = null!;

    /// <summary>The feed address created by the previous request, if any.</summary>
    public string? NewFeedUrl { get; private set; }

    public sealed record ProfileView(string FullName, string? Email, string? JobTitle, string? Organisation, string? CountryCode, string? SectorCode);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        var profile = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new ProfileView(u.FullName, u.Email, u.JobTitle, u.Organisation, u.CountryCode, u.SectorCode))
            .SingleOrDefaultAsync(cancellationToken);
        var settings = userId is null ? null : await subscription.SettingsAsync(userId, cancellationToken);
        if (profile is null || settings is null)
        {
            return Challenge();
        }

        Profile = profile;
        Briefing = settings;
        NewFeedUrl = TempData[NewFeedUrlKey] as string;
        Roles = await (from ur in db.UserRoles
                       join r in db.Roles on ur.RoleId equals r.Id
                       where ur.UserId == userId
                       orderby r.Name
                       select r.Name!).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDailyEmailAsync(bool receive)
    {
        if (!await subscription.SetDailyEmailAsync(users.GetUserId(User)!, receive))
        {
            return Challenge();
        }

        TempData["StatusMessage"] = receive
            ? "You will receive the daily briefing by email again."
            : "You will no longer receive the daily briefing by email. You can still read it here.";
        return RedirectToBriefingSection();
    }

    public async Task<IActionResult> OnPostCreateFeedAsync()
    {
        var token = await subscription.ReplaceFeedTokenAsync(users.GetUserId(User)!);
        if (token is null)
        {
            return Challenge();
        }

        TempData[NewFeedUrlKey] = urls.Absolute("/briefings/feed/" + token);
        TempData["StatusMessage"] = "Your new feed address is ready. Any earlier address has stopped working.";
        return RedirectToBriefingSection();
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync()
    {
        if (!await subscription.RevokeFeedTokenAsync(users.GetUserId(User)!))
        {
            return Challenge();
        }

        TempData["StatusMessage"] = "Your feed address has been revoked: feed readers using it get nothing more.";
        return RedirectToBriefingSection();
    }

    private RedirectToPageResult RedirectToBriefingSection() => RedirectToPage(pageName: null, pageHandler: null, routeValues: null, fragment: "briefing");
}

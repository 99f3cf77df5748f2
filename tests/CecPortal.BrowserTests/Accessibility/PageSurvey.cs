using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.SharedKernel;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CecPortal.BrowserTests.Accessibility;

/// <summary>
/// Every page the portal maps, each at an address with real demo data behind it (a sent briefing, the open consultation,
/// a demo topic ...), and the people who look at pages: anonymous and each demo role. A page added later without a
/// sample here fails <see cref="PagesAsync"/>, so the surveys that use it (axe, small screens, console) cover it too.
/// </summary>
public static class PageSurvey
{
    /// <summary>Who opens the pages: null is anonymous.</summary>
    public static readonly IReadOnlyList<(string Name, string? Email)> Personas =
    [
        ("anonymous", null),
        ("member", PortalFactory.MemberEmail),
        ("vetter", PortalFactory.CountryVetterEmail),
        ("editor", PortalFactory.EditorEmail),
        ("moderator", PortalFactory.ModeratorEmail),
        ("admin", PortalFactory.AdminEmail),
        ("policy", PortalFactory.PolicyEmail),
    ];

    /// <summary>Routes that are not pages a person reads: feeds, downloads, streams, probes, the developer mailbox, sign-out.</summary>
    private static readonly HashSet<string> NotPages = new(StringComparer.Ordinal)
    {
        "/account/logout",
        "/admin/consultations/{id:guid}/results.csv",
        "/briefings/feed/{token}",
        "/dev/mailbox",
        "/dev/mailbox/{id}",
        "/sharing/live",
        "/webinars/calendar/{token}.ics",
    };

    /// <summary>The address of each page, with real demo data for its parameters.</summary>
    public static async Task<IReadOnlyList<string>> PagesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var samples = await SamplesAsync(db, scope.ServiceProvider.GetRequiredService<UnsubscribeTokens>());
        var routes = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => !NotPages.Contains(route))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var missing = routes.Where(r => r.Contains('{', StringComparison.Ordinal) && !samples.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("No sample address for: " + string.Join(", ", missing) + ". Add one to PageSurvey.SamplesAsync (or to NotPages if it is not a page).");
        }

        return [.. routes.Select(r => samples.GetValueOrDefault(r, r))];
    }

    private static async Task<Dictionary<string, string>> SamplesAsync(AppDbContext db, UnsubscribeTokens tokens)
    {
        var member = await db.Users.Where(u => u.Email == PortalFactory.MemberEmail).Select(u => u.Id).SingleAsync();
        var editor = await db.Users.Where(u => u.Email == PortalFactory.EditorEmail).Select(u => u.Id).SingleAsync();
        var vetter = await db.Users.Where(u => u.Email == PortalFactory.CountryVetterEmail).Select(u => u.Id).SingleAsync();
        var briefing = await db.Briefings.Where(b => b.Status == BriefingStatus.Sent || b.Status == BriefingStatus.Published)
            .OrderByDescending(b => b.EditionDate).Select(b => new { b.Id, b.EditionDate }).FirstAsync();
        var published = await db.Consultations.Where(c => c.Status == ConsultationStatus.Published).Select(c => c.Id).FirstAsync();
        var open = await db.Consultations.Where(c => c.Status == ConsultationStatus.Open).Select(c => c.Id).FirstAsync();
        var application = await db.MembershipApplications.Where(a => a.Status == ApplicationStatus.Submitted).Select(a => a.Id).FirstAsync();
        var group = await db.Channels.Where(c => c.Kind == ChannelKind.WorkingGroup).Select(c => new { c.Id, c.Slug }).FirstAsync();
        var community = await db.Channels.Where(c => c.Kind == ChannelKind.Community).Select(c => c.Slug).FirstAsync();
        var topic = await db.Topics.Where(t => db.Channels.Any(c => c.Id == t.ChannelId && c.Kind != ChannelKind.WorkingGroup))
            .OrderByDescending(t => t.MessageCount).Select(t => t.Id).FirstAsync();
        var message = await db.Messages.Where(m => m.TopicId == topic && m.DeletedAt == null).OrderBy(m => m.Seq).Select(m => m.Id).FirstAsync();
        var reported = await db.MessageReports.Select(r => r.MessageId).FirstAsync();
        var session = await db.WebinarSessions.OrderByDescending(s => s.StartsAt).Select(s => s.Id).FirstAsync();
        var series = await db.WebinarSeries.Select(s => s.Id).FirstAsync();
        var proposal = await db.TalkProposals.Select(p => p.Id).FirstAsync();
        var profileChange = await db.ProfileReviews.Select(r => r.Id).FirstAsync();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/admin/briefings/{id:guid}/deliveries"] = $"/admin/briefings/{briefing.Id}/deliveries",
            ["/admin/briefings/{id:guid}/edit"] = $"/admin/briefings/{briefing.Id}/edit",
            ["/admin/consultations/{id:guid}"] = $"/admin/consultations/{published}",
            ["/admin/consultations/{id:guid}/edit"] = $"/admin/consultations/{open}/edit",
            ["/admin/consultations/{id:guid}/named"] = $"/admin/consultations/{published}/named",
            ["/admin/consultations/{id:guid}/paper"] = $"/admin/consultations/{published}/paper",
            ["/admin/consultations/{id:guid}/publish"] = $"/admin/consultations/{published}/publish",
            ["/admin/consultations/{id:guid}/results"] = $"/admin/consultations/{published}/results",
            ["/admin/members/{userId}"] = $"/admin/members/{member}",
            ["/admin/members/{userId}/erase"] = $"/admin/members/{member}/erase",
            ["/admin/members/{userId}/extend"] = $"/admin/members/{member}/extend",
            ["/admin/members/{userId}/suspend"] = $"/admin/members/{member}/suspend",
            ["/admin/sharing/{id:guid}"] = $"/admin/sharing/{group.Id}",
            ["/admin/sharing/{id:guid}/members"] = $"/admin/sharing/{group.Id}/members",
            ["/admin/sharing/reports/{messageId:guid}"] = $"/admin/sharing/reports/{reported}",
            ["/admin/staff/{userId}"] = $"/admin/staff/{editor}",
            ["/admin/vetters/{userId}"] = $"/admin/vetters/{vetter}",
            ["/admin/vetting/{id:guid}"] = $"/admin/vetting/{application}",
            ["/admin/vetting/profile-changes/{id:guid}"] = $"/admin/vetting/profile-changes/{profileChange}",
            ["/admin/webinars/proposals/{id:guid}"] = $"/admin/webinars/proposals/{proposal}",
            ["/admin/webinars/series/{id:guid}"] = $"/admin/webinars/series/{series}",
            ["/admin/webinars/sessions/{id:guid}"] = $"/admin/webinars/sessions/{session}",

            // The applicant's links carry secrets the demo does not keep: these show the page for a link that does not
            // match, which is what a mistyped or expired link shows.
            ["/apply/sponsor/{id:guid}"] = $"/apply/sponsor/{application}",
            ["/apply/status/{id:guid}"] = $"/apply/status/{application}",
            ["/apply/verify/{id:guid}"] = $"/apply/verify/{application}",
            ["/briefings/{date:regex(^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$)}"] = $"/briefings/{briefing.EditionDate:yyyy-MM-dd}",
            ["/consultations/{id:guid}"] = $"/consultations/{open}",
            ["/error/{code:int?}"] = "/error/404",
            ["/sharing/c/{slug}"] = $"/sharing/c/{community}",
            ["/sharing/members/{slug}"] = $"/sharing/members/{group.Slug}",
            ["/sharing/m/{messageId:guid}"] = $"/sharing/m/{message}",
            ["/sharing/m/{messageId:guid}/alert"] = $"/sharing/m/{message}/alert",
            ["/sharing/m/{messageId:guid}/edit"] = $"/sharing/m/{message}/edit",
            ["/sharing/m/{messageId:guid}/report"] = $"/sharing/m/{message}/report",
            ["/sharing/m/{messageId:guid}/seen"] = $"/sharing/m/{message}/seen",
            ["/sharing/t/{topicId:guid}"] = $"/sharing/t/{topic}",
            ["/unsubscribe/{token}"] = UnsubscribeTokens.LinkPath + tokens.Create(member, MailingList.DailyBriefing),
            ["/webinars/{id:guid}"] = $"/webinars/{session}",
        };
    }
}

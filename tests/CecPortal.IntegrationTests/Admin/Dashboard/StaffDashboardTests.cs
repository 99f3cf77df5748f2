using System.Net;
using AngleSharp.Dom;
using CecPortal.IntegrationTests.Briefings;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Vetting;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Admin.Dashboard;

/// <summary>
/// The staff dashboard at /admin against known data: the demo's 16 members (one per country and sector) plus what
/// <see cref="StaffDashboardFixture"/> adds. Every test only reads, so they share one arranged database.
/// </summary>
public sealed class StaffDashboardTests(StaffDashboardTests.StaffDashboardFixture portal) : IClassFixture<StaffDashboardTests.StaffDashboardFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_AsAdmin_CountsActiveMembersByCountryMostFirst()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var page = await client.GetDocumentAsync("/admin");

        // Assert: Germany 1 + 3 (the suspended fourth does not count), France 1 + 2, the other 14 once by name, "not given" last.
        var rows = Rows(page, "members-by-country");
        rows.Count.ShouldBe(17);
        rows[0].ShouldBe(("Germany", "4"));
        rows[1].ShouldBe(("France", "3"));
        rows[2].ShouldBe(("Austria", "1"));
        rows[^1].ShouldBe(("Not given", "1"));
        rows.Skip(2).Take(14).Select(r => r.Label).ShouldBe(rows.Skip(2).Take(14).Select(r => r.Label).Order(StringComparer.CurrentCulture));
        rows.Sum(r => int.Parse(r.Value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(22);
    }

    [Fact]
    public async Task Get_AsAdmin_CountsMembersByNis2SectorInTaxonomyOrder()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var page = await client.GetDocumentAsync("/admin");

        // Assert
        var rows = Rows(page, "members-by-sector");
        rows[0].ShouldBe(("Energy", "4"));
        rows[1].ShouldBe(("Transport", "1"));
        rows.ShouldContain(("Health", "3"));
        rows.ShouldContain(("Waste water", "0"));
        rows[^1].ShouldBe(("Not given", "1"));
        rows.Count.ShouldBe(await portal.WithDbAsync(db => db.Sectors.CountAsync(Token)) + 1);
    }

    [Fact]
    public async Task Get_AsAdmin_CountsThePipelineAndTheMedianDaysToDecision()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var page = await client.GetDocumentAsync("/admin");

        // Assert: decisions older than 12 months are left out of both.
        var stages = page.QuerySelectorAll("[data-testid=pipeline] tbody tr")
            .ToDictionary(r => r.GetAttribute("data-status")!, r => r.QuerySelector("td")!.TextContent.Trim());
        stages.ShouldBe(new Dictionary<string, string>
        {
            ["Unverified"] = "1",
            ["Submitted"] = "3",
            ["InReview"] = "1",
            ["InformationRequested"] = "1",
            ["Approved"] = "2",
            ["Declined"] = "1",
            ["Withdrawn"] = "1",
        });
        var median = page.QuerySelector("[data-testid=median-days] strong")!;
        median.GetAttribute("data-days").ShouldBe("5.00");
        median.TextContent.ShouldBe("5.0 days");
        page.QuerySelector("[data-testid=median-days]")!.TextContent.ShouldContain("over 3 decisions");
    }

    [Fact]
    public async Task Get_AsAdmin_ShowsTheQueueAgePerCountryAndSectorLongestWaitFirst()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var page = await client.GetDocumentAsync("/admin");

        // Assert
        QueueRows(page, "queue-by-country").ShouldBe([("DE", "2", "7.00", "10.00"), ("FR", "2", "5.00", "8.00"), ("IT", "1", "6.00", "6.00")]);
        QueueRows(page, "queue-by-sector").ShouldBe([("energy", "2", "7.00", "10.00"), ("health", "2", "5.00", "8.00"), ("banking", "1", "6.00", "6.00")]);
        page.QuerySelector("[data-testid=queue-by-country] tbody tr th")!.TextContent.ShouldBe("Germany");
    }

    [Fact]
    public async Task Get_AsAdmin_ShowsTheLastSevenBriefingsWithSentAndFailedCounts()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var today = BriefingTestKit.Today(portal);

        // Act
        var page = await client.GetDocumentAsync("/admin");

        // Assert: newest first, tomorrow's scheduled edition and the eighth-newest left out.
        var rows = page.QuerySelectorAll("[data-testid=last-briefings] tbody tr").ToList();
        rows.Select(r => r.GetAttribute("data-briefing")).ShouldBe(portal.Briefings.Take(7).Select(b => b.ToString()));
        Counts(rows[0]).ShouldBe(("3", "1", "1"));

        // Ledger rows plus the counts archived when the per-member rows expired.
        Counts(rows[1]).ShouldBe(("11", "2", "0"));
        rows[2].QuerySelector("[data-testid=not-emailed]")!.TextContent.ShouldBe("never emailed");
        Counts(rows[3]).ShouldBe(("0", "0", "0"));
        rows[0].QuerySelector("td")!.TextContent.ShouldBe(today.AddDays(-1).ToString("ddd d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        rows[0].QuerySelector("a")!.GetAttribute("href").ShouldBe($"/admin/briefings/{portal.Briefings[0]}/deliveries");
    }

    [Fact]
    public async Task Get_AsAdmin_ShowsTheNextFiveWebinarsWithRegistrationsAndWaiting()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var page = await client.GetDocumentAsync("/admin");

        // Assert: soonest first; the cancelled session and the sixth and seventh are left out; cancelled places do not count.
        var rows = page.QuerySelectorAll("[data-testid=next-webinars] tbody tr").ToList();
        rows.Select(r => r.GetAttribute("data-session")).ShouldBe(portal.Webinars.Take(5).Select(id => id.ToString()));
        rows[0].QuerySelector("[data-testid=registered]")!.TextContent.ShouldBe("3 / 3");
        rows[0].QuerySelector("[data-testid=waiting]")!.TextContent.ShouldBe("2");
        rows[1].QuerySelector("[data-testid=registered]")!.TextContent.ShouldBe("1 / 50");
        rows[1].QuerySelector("[data-testid=waiting]")!.TextContent.ShouldBe("0");
    }

    [Fact]
    public async Task Get_AsAdmin_DrawsEachChartAsInlineSvgWithATitle()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var response = await client.GetAsync(new Uri("/admin", UriKind.Relative), Token);
        var page = await client.GetDocumentAsync("/admin");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var charts = page.QuerySelectorAll("svg.dashboard-chart").ToList();
        charts.Select(c => c.Id).ShouldBe(["chart-members-country", "chart-members-sector", "chart-pipeline", "chart-briefings", "chart-webinars"]);
        foreach (var chart in charts)
        {
            chart.GetAttribute("role").ShouldBe("img");
            chart.QuerySelector("title")!.Id.ShouldBe(chart.GetAttribute("aria-labelledby"));
            chart.QuerySelectorAll("rect").Length.ShouldBeGreaterThan(3);
            chart.QuerySelectorAll("script, style, a, foreignObject, image").ShouldBeEmpty();
            chart.QuerySelectorAll("*").SelectMany(e => e.Attributes).ShouldNotContain(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style");
        }

        // The labels are drawn as text, measured with the embedded font.
        var countryLabels = charts[0].QuerySelectorAll("text").Select(t => t.TextContent).ToList();
        countryLabels.ShouldContain("Germany");
        countryLabels.ShouldContain("Not given");
        charts[0].QuerySelector("text")!.GetAttribute("font-family").ShouldStartWith("'DejaVu Sans'");
    }

    [Theory]
    [InlineData(PortalFactory.EditorEmail, true)]
    [InlineData(PortalFactory.SectorVetterEmail, false)]
    public async Task Get_AsOtherStaff_ShowsTheDashboardWithLinksOnlyToTheirAreas(string email, bool editorial)
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(email);

        // Act
        var page = await client.GetDocumentAsync("/admin");

        // Assert
        page.QuerySelectorAll("svg.dashboard-chart").Length.ShouldBe(5);
        Rows(page, "members-by-country")[0].ShouldBe(("Germany", "4"));
        (page.QuerySelector("[data-testid=last-briefings] a") is not null).ShouldBe(editorial);
        (page.QuerySelector("[data-testid=next-webinars] a") is not null).ShouldBe(editorial);
        (page.QuerySelector("[data-testid=dashboard-queue] a[href='/admin/vetting']") is not null).ShouldBe(!editorial);
    }

    [Fact]
    public async Task Get_AsMember_IsForbidden()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        using var response = await client.GetAsync(new Uri("/admin", UriKind.Relative), Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync(Token)).ShouldNotContain("dashboard-chart");
    }

    [Fact]
    public async Task Get_Anonymous_RedirectsToSignIn()
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri("/admin", UriKind.Relative), Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/account/login");
    }

    private static List<(string Label, string Value)> Rows(IDocument page, string testId) =>
        [.. page.QuerySelectorAll($"[data-testid={testId}] tbody tr").Select(r => (r.QuerySelector("th")!.TextContent.Trim(), r.QuerySelector("td")!.TextContent.Trim()))];

    private static List<(string? Code, string Open, string? Median, string? Oldest)> QueueRows(IDocument page, string testId) =>
        [.. page.QuerySelectorAll($"[data-testid={testId}] tbody tr").Select(r => (
            r.GetAttribute("data-code"),
            r.QuerySelector("[data-testid=open]")!.TextContent,
            r.QuerySelector("[data-testid=median]")!.GetAttribute("data-days"),
            r.QuerySelector("[data-testid=oldest]")!.GetAttribute("data-days")))];

    private static (string Sent, string Failed, string Pending) Counts(IElement row) => (
        row.QuerySelector("[data-testid=sent]")!.TextContent,
        row.QuerySelector("[data-testid=failed]")!.TextContent,
        row.QuerySelector("[data-testid=pending]")!.TextContent);

    /// <summary>Members, applications, briefings with deliveries and webinars with places, all at known ages.</summary>
    public sealed class StaffDashboardFixture : PortalFixture, IAsyncLifetime
    {
        private static readonly Reviewer CountryVetter = new("dashboard-country-vetter", "Country Vetter", CoversCountry: true, CoversSector: false);
        private static readonly Reviewer SectorVetter = new("dashboard-sector-vetter", "Sector Vetter", CoversCountry: false, CoversSector: true);

        /// <summary>The published briefings, newest first.</summary>
        public List<Guid> Briefings { get; } = [];

        /// <summary>The upcoming, not cancelled sessions, soonest first.</summary>
        public List<Guid> Webinars { get; } = [];

        /// <summary>Re-implements the fixture's start so the data is arranged once the portal runs.</summary>
        public new async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            var members = await ArrangeMembersAsync();
            await ArrangeApplicationsAsync();
            await ArrangeBriefingsAsync(members);
            await ArrangeWebinarsAsync(members);
        }

        private async Task<List<string>> ArrangeMembersAsync()
        {
            List<string> added = [];
            for (var i = 1; i <= 3; i++)
            {
                added.Add(await CreateUserAsync($"dash.de{i}@members.example", $"Dieter Dash {i}", Roles.Member, "DE", "energy"));
            }

            for (var i = 1; i <= 2; i++)
            {
                added.Add(await CreateUserAsync($"dash.fr{i}@members.example", $"Fanny Dash {i}", Roles.Member, "FR", "health"));
            }

            added.Add(await CreateUserAsync("dash.nowhere@members.example", "Nora Nowhere", Roles.Member));
            await CreateUserAsync("dash.suspended@members.example", "Sven Suspended", Roles.Member, "DE", "energy", suspended: true);
            return added;
        }

        private Task<int> ArrangeApplicationsAsync()
        {
            var now = DateTimeOffset.UtcNow;
            var applications = new List<MembershipApplication>
            {
                Submit("unverified", "DE", "energy", now.AddDays(-1), verifiedAt: null),

                // Open: in the queue since 10, 4 (DE, energy), 2 and 8 (FR, health) and 6 days (IT, banking).
                Submit("de-old", "DE", "energy", now.AddDays(-11), now.AddDays(-10)),
                Submit("de-young", "DE", "energy", now.AddDays(-5), now.AddDays(-4)),
                Submit("fr-young", "FR", "health", now.AddDays(-3), now.AddDays(-2)),
            };
            var inReview = Submit("it-review", "IT", "banking", now.AddDays(-7), now.AddDays(-6));
            inReview.Review(CountryVetter, ReviewVerdict.Approve, null, null, now.AddDays(-1));
            var asked = Submit("fr-asked", "FR", "health", now.AddDays(-9), now.AddDays(-8));
            asked.RequestInformation(SectorVetter, "Which organisation do you lead security for?", now.AddDays(-1));

            // Decided in the last 12 months after 5, 9 and 2 days (median 5); one decided long ago does not count.
            var created = now.AddDays(-30);
            var approvedFast = Approved("approved-5", created, created.AddDays(5));
            var approvedSlow = Approved("approved-9", created, created.AddDays(9));
            var declined = Declined("declined-2", now.AddDays(-20), now.AddDays(-18));
            var declinedLongAgo = Declined("declined-old", now.AddDays(-500), now.AddDays(-400));
            var withdrawn = Submit("withdrawn", "FR", "health", now.AddDays(-12), now.AddDays(-11));
            withdrawn.Withdraw(now.AddDays(-10));
            applications.AddRange([inReview, asked, approvedFast, approvedSlow, declined, declinedLongAgo, withdrawn]);
            return WithDbAsync(db =>
            {
                db.MembershipApplications.AddRange(applications);
                return db.SaveChangesAsync(Token);
            });
        }

        private async Task ArrangeBriefingsAsync(List<string> members)
        {
            var today = BriefingTestKit.Today(this);
            await BriefingTestKit.AddAsync(this, today.AddDays(1), "Tomorrow's briefing", status: BriefingStatus.Scheduled);
            for (var day = 1; day <= 8; day++)
            {
                var red = day == 3;
                var briefing = await BriefingTestKit.AddAsync(
                    this, today.AddDays(-day), $"Briefing of day -{day}", status: red ? BriefingStatus.Published : BriefingStatus.Sent, tlp: red ? TlpLabel.Red : TlpLabel.Amber);
                Briefings.Add(briefing.Id);
            }

            var now = DateTimeOffset.UtcNow;
            await WithDbAsync(async db =>
            {
                // Yesterday: 3 sent, 1 failed, 1 pending.
                DeliveryStatus[] yesterday = [DeliveryStatus.Sent, DeliveryStatus.Sent, DeliveryStatus.Sent, DeliveryStatus.Failed, DeliveryStatus.Pending];
                for (var i = 0; i < yesterday.Length; i++)
                {
                    await db.Database.ExecuteSqlAsync($"""
                        INSERT INTO briefing_deliveries ("BriefingId", "MemberId", "Status", "Attempts", "CreatedAt")
                        VALUES ({Briefings[0]}, {members[i]}, {(int)yesterday[i]}, 1, {now})
                        """, Token);
                }

                // The day before: one row still kept, the rest archived as counts.
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO briefing_deliveries ("BriefingId", "MemberId", "Status", "Attempts", "CreatedAt")
                    VALUES ({Briefings[1]}, {members[0]}, {(int)DeliveryStatus.Sent}, 1, {now})
                    """, Token);
                return await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO briefing_delivery_archives ("BriefingId", "Sent", "Failed", "ArchivedAt")
                    VALUES ({Briefings[1]}, 10, 2, {now})
                    """, Token);
            });
        }

        private async Task ArrangeWebinarsAsync(List<string> members)
        {
            var full = await AddSessionAsync("Full session", daysAhead: 10, capacity: 3);
            var now = DateTimeOffset.UtcNow;
            await WithDbAsync(db =>
            {
                for (var i = 0; i < 3; i++)
                {
                    db.WebinarRegistrations.Add(WebinarRegistration.Create(full, members[i], RegistrationStatus.Confirmed, now));
                }

                db.WebinarRegistrations.Add(WebinarRegistration.Create(full, members[3], RegistrationStatus.Waitlisted, now));
                db.WebinarRegistrations.Add(WebinarRegistration.Create(full, members[4], RegistrationStatus.Waitlisted, now.AddMinutes(1)));
                var cancelled = WebinarRegistration.Create(full, members[5], RegistrationStatus.Confirmed, now);
                cancelled.Cancel(now);
                db.WebinarRegistrations.Add(cancelled);
                return db.SaveChangesAsync(Token);
            });
            var quiet = await AddSessionAsync("Quiet session", daysAhead: 20, capacity: 50);
            await WithDbAsync(db =>
            {
                db.WebinarRegistrations.Add(WebinarRegistration.Create(quiet, members[0], RegistrationStatus.Confirmed, now));
                return db.SaveChangesAsync(Token);
            });
            var called = await AddSessionAsync("Cancelled session", daysAhead: 15, capacity: 50, track: false);
            await WithDbAsync(async db =>
            {
                (await db.WebinarSessions.SingleAsync(s => s.Id == called, Token)).Cancel(now);
                return await db.SaveChangesAsync(Token);
            });
            for (var month = 1; month <= 5; month++)
            {
                await AddSessionAsync($"Later session {month}", daysAhead: 30 * month, capacity: 60);
            }
        }

        private async Task<Guid> AddSessionAsync(string title, int daysAhead, int capacity, bool track = true)
        {
            var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysAhead);
            var startsAt = WallClock.ToUtc(date, new TimeOnly(15, 0), TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels"));
            var session = WebinarSession.PlanOneOff(title, startsAt, TimeSpan.FromMinutes(60), "Europe/Brussels", capacity, DateTimeOffset.UtcNow);
            await WithDbAsync(db =>
            {
                db.WebinarSessions.Add(session);
                return db.SaveChangesAsync(Token);
            });
            if (track)
            {
                Webinars.Add(session.Id);
            }

            return session.Id;
        }

        private static MembershipApplication Submit(string tag, string country, string sector, DateTimeOffset at, DateTimeOffset? verifiedAt)
        {
            var details = new ApplicationDetails(
                $"Applicant {tag}", $"{tag}@applicants.example", "CISO", $"Organisation {tag}", "https://applicants.example", country, sector, null,
                OrganisationSize.Under250, null, "I lead information security and want to learn from peers.", null);
            var application = MembershipApplication.Submit(details, privacyNoticeVersion: 1, at, out var token);
            if (verifiedAt is { } verified)
            {
                application.Verify(token, [], verified);
            }

            return application;
        }

        private static MembershipApplication Approved(string tag, DateTimeOffset createdAt, DateTimeOffset decidedAt)
        {
            var application = Submit(tag, "AT", "digital-infrastructure", createdAt, createdAt.AddHours(1));
            application.Review(CountryVetter, ReviewVerdict.Approve, null, null, decidedAt.AddHours(-1));
            application.Review(SectorVetter, ReviewVerdict.Approve, null, null, decidedAt);
            return application;
        }

        private static MembershipApplication Declined(string tag, DateTimeOffset createdAt, DateTimeOffset decidedAt)
        {
            var application = Submit(tag, "AT", "digital-infrastructure", createdAt, createdAt.AddHours(1));
            application.Review(CountryVetter, ReviewVerdict.Decline, "Not the security lead.", DeclineReason.NotSecurityLeadershipRole, decidedAt);
            return application;
        }
    }
}

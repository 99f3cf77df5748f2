using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Admin.Members;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Admin.Members;

public sealed class AdminMembersTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Get_IndexAnonymously_RedirectsToSignIn()
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri("/admin/members", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/account/login?ReturnUrl=");
    }

    [Theory]
    [InlineData(PortalFactory.MemberEmail)]
    [InlineData(PortalFactory.EditorEmail)]
    [InlineData(PortalFactory.CountryVetterEmail)]
    public async Task Get_IndexAndSuspendAsAnyoneButAdmin_AreForbidden(string email)
    {
        // Arrange
        var memberId = await portal.UserIdAsync("l.rossi@demo.cec.example");
        using var client = await portal.SignedInClientAsync(email);

        // Act
        using var index = await client.GetAsync(new Uri("/admin/members", UriKind.Relative), TestContext.Current.CancellationToken);
        using var suspend = await client.GetAsync(new Uri($"/admin/members/{memberId}/suspend", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        index.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        suspend.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Get_IndexAsAdmin_ListsMembersWithStatusButNoStaff()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var page = await client.GetDocumentAsync("/admin/members");

        // Assert
        var marie = page.QuerySelector($"tr[data-member='{PortalFactory.MemberEmail}']")!;
        marie.TextContent.ShouldContain("Marie Dubois");
        marie.TextContent.ShouldContain("Énergie Atlantique");
        marie.TextContent.ShouldContain("France");
        marie.TextContent.ShouldContain("Energy");
        page.QuerySelector($"tr[data-member='{PortalFactory.AdminEmail}']").ShouldBeNull();
        page.QuerySelector($"tr[data-member='{PortalFactory.CountryVetterEmail}']").ShouldBeNull();
    }

    [Theory]
    [InlineData("RHEINBAHN", "j.schneider@demo.cec.example")]
    [InlineData("lucia", "l.rossi@demo.cec.example")]
    [InlineData("p.garcia@", "p.garcia@demo.cec.example")]
    public async Task Get_IndexWithSearch_MatchesNameEmailOrOrganisationIgnoringCase(string query, string expected)
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var page = await client.GetDocumentAsync($"/admin/members?q={Uri.EscapeDataString(query)}");

        // Assert
        page.QuerySelectorAll("[data-testid=members] tbody tr").Select(r => r.GetAttribute("data-member")).ShouldBe([expected]);
    }

    [Fact]
    public async Task Get_IndexWithSearchOfLikeWildcards_MatchesThemLiterally()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var page = await client.GetDocumentAsync("/admin/members?q=%25");

        // Assert
        page.QuerySelector("[data-testid=no-members]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Get_IndexFilteredByCountryAndSector_ShowsOnlyThoseMembers()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var byCountry = await client.GetDocumentAsync("/admin/members?country=DE");
        var bySector = await client.GetDocumentAsync("/admin/members?sector=banking");
        var byBoth = await client.GetDocumentAsync("/admin/members?country=DE&sector=banking");

        // Assert
        byCountry.QuerySelectorAll("[data-testid=members] tbody tr").Select(r => r.GetAttribute("data-member")).ShouldBe(["j.schneider@demo.cec.example"]);
        bySector.QuerySelectorAll("[data-testid=members] tbody tr").Select(r => r.GetAttribute("data-member")).ShouldBe(["l.rossi@demo.cec.example"]);
        byBoth.QuerySelector("[data-testid=no-members]").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("/admin/members?country=DEU")]
    [InlineData("/admin/members?country=ZZ&sector=nonsense")]
    public async Task Get_IndexWithUnknownFilter_ShowsNoMembers(string url)
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var page = await client.GetDocumentAsync(url);

        // Assert
        page.QuerySelector("[data-testid=no-members]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Get_IndexWithMoreThan25Matches_PagesThem()
    {
        // Arrange
        for (var i = 0; i < 30; i++)
        {
            await portal.CreateUserAsync($"paging{i:00}@demo.cec.example", $"Paging Person {i:00}", Roles.Member, "LU", "energy");
        }

        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var first = await client.GetDocumentAsync("/admin/members?q=paging");
        var next = first.QuerySelector("[data-testid=pager] a[rel=next]")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(next);
        var beyond = await client.GetDocumentAsync("/admin/members?q=paging&p=99");
        var garbage = await client.GetDocumentAsync("/admin/members?q=paging&p=abc");

        // Assert
        first.QuerySelectorAll("[data-testid=members] tbody tr").Length.ShouldBe(25);
        first.QuerySelector("[data-testid=member-count]")!.TextContent.ShouldBe("30 members");
        next.ShouldBe("/admin/members?q=paging&p=2");
        second.QuerySelectorAll("[data-testid=members] tbody tr").Select(r => r.GetAttribute("data-member"))
            .ShouldBe(Enumerable.Range(25, 5).Select(i => $"paging{i:00}@demo.cec.example"));
        beyond.QuerySelectorAll("[data-testid=members] tbody tr").Length.ShouldBe(5);
        garbage.QuerySelectorAll("[data-testid=members] tbody tr").Length.ShouldBe(25);
    }

    [Fact]
    public async Task Post_Suspend_MemberCannotSignInAndAuditEntryIsRecorded()
    {
        // Arrange
        const string email = "k.huber@demo.cec.example";
        var memberId = await portal.UserIdAsync(email);
        var stampBefore = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.SecurityStamp).SingleAsync());
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormAsync($"/admin/members/{memberId}/suspend", new Dictionary<string, string>
        {
            ["Input.Reason"] = "  Left Alpen Netz; membership is personal to the role.  ",
        });
        using var member = portal.CreateClient();
        using var signIn = await member.SignInAsync(email, PortalFactory.DemoPassword);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/admin/members");
        var stored = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => new { u.SuspendedAt, u.SuspensionReason, u.SecurityStamp }).SingleAsync());
        stored.SuspendedAt.ShouldNotBeNull();
        stored.SuspensionReason.ShouldBe("Left Alpen Netz; membership is personal to the role.");
        stored.SecurityStamp.ShouldNotBe(stampBefore);
        var audit = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"user:{memberId}" && e.Action.StartsWith("member.")).ToListAsync());
        audit.ShouldHaveSingleItem();
        audit[0].Action.ShouldBe("member.suspend");
        audit[0].Note.ShouldBe("Left Alpen Netz; membership is personal to the role.");
        audit[0].ActorName.ShouldBe(PortalFactory.AdminEmail);
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await signIn.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("suspended");
    }

    [Fact]
    public async Task Post_ReinstateAfterSuspension_MemberCanSignInAgain()
    {
        // Arrange
        const string email = "m.kowalski@demo.cec.example";
        var memberId = await portal.UserIdAsync(email);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        using var suspended = await admin.SubmitFormAsync($"/admin/members/{memberId}/suspend", new Dictionary<string, string> { ["Input.Reason"] = "Unpaid fee." });
        var page = await admin.GetDocumentAsync($"/admin/members/{memberId}/suspend");

        // Act
        using var response = await admin.SubmitFormAsync($"/admin/members/{memberId}/suspend", new Dictionary<string, string> { ["Input.Reason"] = "Fee paid." });
        using var member = portal.CreateClient();
        using var signIn = await member.SignInAsync(email, PortalFactory.DemoPassword);

        // Assert
        suspended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.QuerySelector("[data-testid=suspension-reason]")!.TextContent.ShouldBe("Unpaid fee.");
        page.QuerySelector("main button[type=submit]")!.TextContent.ShouldBe("Reinstate member");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => new { u.SuspendedAt, u.SuspensionReason }).SingleAsync());
        stored.SuspendedAt.ShouldBeNull();
        stored.SuspensionReason.ShouldBeNull();
        var audit = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"user:{memberId}" && e.Action.StartsWith("member.")).OrderBy(e => e.Id).Select(e => new { e.Action, e.Note }).ToListAsync());
        audit.Select(e => e.Action).ShouldBe(["member.suspend", "member.reinstate"]);
        audit[1].Note.ShouldBe("Fee paid.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Post_SuspendWithoutReason_ReshowsFormAndChangesNothing(string reason)
    {
        // Arrange
        var memberId = await portal.UserIdAsync("m.virtanen@demo.cec.example");
        var stampBefore = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.SecurityStamp).SingleAsync());
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormAsync($"/admin/members/{memberId}/suspend", new Dictionary<string, string> { ["Input.Reason"] = reason });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.Reason']")!.TextContent.ShouldBe("Give a reason for the record.");
        var stored = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => new { u.SuspendedAt, u.SecurityStamp }).SingleAsync());
        stored.SuspendedAt.ShouldBeNull();
        stored.SecurityStamp.ShouldBe(stampBefore);
        (await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Subject == $"user:{memberId}"))).ShouldBe(0);
    }

    [Fact]
    public async Task Post_SuspendWithOverlongReason_ReshowsFormWithTypedReason()
    {
        // Arrange
        var memberId = await portal.UserIdAsync("t.peeters@demo.cec.example");
        var reason = new string('x', 501);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormAsync($"/admin/members/{memberId}/suspend", new Dictionary<string, string> { ["Input.Reason"] = reason });
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.Reason']")!.TextContent.ShouldBe("The reason may have at most 500 characters.");
        page.QuerySelector("textarea[name='Input.Reason']")!.TextContent.ShouldBe(reason);
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.SuspendedAt).SingleAsync())).ShouldBeNull();
    }

    [Fact]
    public async Task Post_SuspendFromStalePageWhenAlreadySuspended_ShowsMessageAndKeepsTheFirstSuspension()
    {
        // Arrange
        var memberId = await portal.UserIdAsync("s.murphy@demo.cec.example");
        var adminId = await portal.UserIdAsync(PortalFactory.AdminEmail);
        await portal.WithServiceAsync<MemberAdministration>(members => members.SuspendAsync(memberId, "First suspension.", new Actor(adminId, PortalFactory.AdminEmail)));
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormAsync($"/admin/members/{memberId}/suspend", new Dictionary<string, string>
        {
            ["Input.Change"] = "Suspend",
            ["Input.Reason"] = "Second suspension.",
        });
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Siobhán Murphy is already suspended.");
        page.QuerySelector("input[name='Input.Change']")!.GetAttribute("value").ShouldBe("Reinstate");
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.SuspensionReason).SingleAsync())).ShouldBe("First suspension.");
        (await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Subject == $"user:{memberId}"))).ShouldBe(1);
    }

    [Fact]
    public async Task Post_ReinstateActiveMember_ShowsMessageAndChangesNothing()
    {
        // Arrange
        var memberId = await portal.UserIdAsync("r.silva@demo.cec.example");
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormAsync($"/admin/members/{memberId}/suspend", new Dictionary<string, string>
        {
            ["Input.Change"] = "Reinstate",
            ["Input.Reason"] = "Nothing to reinstate.",
        });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Rui Silva is not suspended.");
        (await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Subject == $"user:{memberId}"))).ShouldBe(0);
    }

    [Fact]
    public async Task Post_SuspendWithUnknownChange_ReshowsFormAndChangesNothing()
    {
        // Arrange
        var memberId = await portal.UserIdAsync("e.dejong@demo.cec.example");
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormAsync($"/admin/members/{memberId}/suspend", new Dictionary<string, string>
        {
            ["Input.Change"] = "Delete",
            ["Input.Reason"] = "Tampered form.",
        });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.SuspendedAt).SingleAsync())).ShouldBeNull();
    }

    [Fact]
    public async Task Get_SuspendForUnknownUser_Returns404()
    {
        // Arrange
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.GetAsync(new Uri("/admin/members/no-such-user/suspend", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_SuspendForStaffAccountOrUnknownId_OffersTheAccountOr404()
    {
        // Arrange
        var editorId = await portal.UserIdAsync(PortalFactory.EditorEmail);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var staffPage = await admin.GetDocumentAsync($"/admin/members/{editorId}/suspend");
        using var unknown = await admin.GetAsync(new Uri($"/admin/members/{Guid.NewGuid()}/suspend", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        staffPage.QuerySelector("main button[type=submit]")!.TextContent.ShouldBe("Suspend account");
        staffPage.QuerySelector("main a.btn-link")!.GetAttribute("href").ShouldBe($"/admin/staff/{editorId}");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using CecPortal.IntegrationTests.Membership;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Admin.Staff;
using CecPortal.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Admin.Staff;

/// <summary>/admin/staff: the staff list, granting and revoking roles, adding staff by email, and who may do it.</summary>
public sealed partial class StaffManagementTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task SuspendStaffAccount_NotAMember_CannotSignInUntilReinstated()
    {
        // Arrange: an Editor who is not a member of the community.
        const string email = "staff.only@staff-demo.eu";
        var editorId = await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, "Sasha Staffonly", Roles.Editor) { Password = PortalFactory.DemoPassword });
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var staffPage = await admin.GetDocumentAsync($"/admin/staff/{editorId}");
        var link = staffPage.QuerySelector("[data-testid=suspension-link]").ShouldNotBeNull();

        // Act
        using var suspend = await admin.SubmitFormAsync(link.GetAttribute("href")!, new Dictionary<string, string> { ["Input.Reason"] = "Left the editorial team." });
        using var refused = await portal.CreateClient().SignInAsync(email, PortalFactory.DemoPassword);
        var suspendedPage = await admin.GetDocumentAsync($"/admin/staff/{editorId}");
        using var reinstate = await admin.SubmitFormAsync(link.GetAttribute("href")!, new Dictionary<string, string> { ["Input.Reason"] = "Back on the team." });
        using var accepted = await portal.CreateClient().SignInAsync(email, PortalFactory.DemoPassword);

        // Assert
        link.TextContent.ShouldBe("Suspend the account");
        suspend.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        suspend.Headers.Location!.OriginalString.ShouldBe($"/admin/staff/{editorId}");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK, "a suspended account's sign-in is refused on the form");
        suspendedPage.QuerySelector("[data-testid=suspension-link]")!.TextContent.ShouldBe("Reinstate the account");
        reinstate.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var actions = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"user:{editorId}").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        actions.ShouldContain(Web.Features.Admin.Members.MemberAdministration.SuspendAction);
        actions.ShouldContain(Web.Features.Admin.Members.MemberAdministration.ReinstateAction);
    }

    [Theory]
    [InlineData(PortalFactory.CountryVetterEmail)]
    [InlineData(PortalFactory.EditorEmail)]
    [InlineData(PortalFactory.MemberEmail)]
    public async Task StaffPages_AsAnyoneButAdmin_AreForbidden(string email)
    {
        // Arrange
        var memberId = await portal.UserIdAsync("l.rossi@demo.cec.example");
        using var client = await portal.SignedInClientAsync(email);

        // Act
        using var index = await client.GetAsync(new Uri("/admin/staff", UriKind.Relative), TestContext.Current.CancellationToken);
        using var person = await client.GetAsync(new Uri($"/admin/staff/{memberId}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var create = await client.GetAsync(new Uri("/admin/staff/new", UriKind.Relative), TestContext.Current.CancellationToken);
        using var grant = await client.PostAsync($"/admin/staff/{memberId}?handler=Grant", new Dictionary<string, string> { ["Role"] = Roles.Admin });
        using var invite = await client.PostAsync("/admin/staff/new", new Dictionary<string, string> { ["Input.Email"] = "intruder@staff-demo.eu", ["Input.FullName"] = "In Truder", ["Input.Role"] = Roles.Admin });

        // Assert
        index.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        person.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        create.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        grant.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        invite.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await RolesOfAsync(memberId)).ShouldBe([Roles.Member]);
        (await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "intruder@staff-demo.eu"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Get_StaffIndexAsAdmin_ListsStaffWithRolesMfaAndScopeLinks()
    {
        // Arrange
        const string mfaEditor = "mfa.editor@staff-demo.eu";
        var editorId = await portal.UserIdAsync(PortalFactory.EditorEmail);
        var vetterId = await portal.UserIdAsync(PortalFactory.CountryVetterEmail);
        var mfaEditorId = await portal.CreateUserAsync(mfaEditor, "Mfa Editor", Roles.Editor);
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == mfaEditorId).ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorEnabled, true)));
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var page = await admin.GetDocumentAsync("/admin/staff");

        // Assert
        var rows = page.QuerySelectorAll("[data-testid=staff] tbody tr").ToDictionary(r => r.GetAttribute("data-staff")!);
        rows.Keys.ShouldContain(PortalFactory.AdminEmail);
        rows.Keys.ShouldNotContain(PortalFactory.MemberEmail);
        rows[PortalFactory.AdminEmail].QuerySelector("[data-testid=roles]")!.TextContent.Trim().ShouldBe("Admin");
        rows[PortalFactory.EditorEmail].QuerySelector("[data-testid=roles]")!.TextContent.Trim().ShouldBe("Editor");
        rows[mfaEditor].QuerySelector("[data-testid=mfa]")!.TextContent.Trim().ShouldBe("On");
        rows[mfaEditor].QuerySelector("[data-testid=account]")!.TextContent.Trim().ShouldBe("Invited");
        rows[PortalFactory.CountryVetterEmail].QuerySelector("[data-testid=mfa]")!.TextContent.Trim().ShouldBe("Not set up");
        rows[PortalFactory.CountryVetterEmail].QuerySelector($"a[href='/admin/vetters/{vetterId}']").ShouldNotBeNull();
        rows[PortalFactory.EditorEmail].QuerySelector("a[href^='/admin/vetters/']").ShouldBeNull();
        rows[PortalFactory.EditorEmail].QuerySelector($"a[href='/admin/staff/{editorId}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task PostGrant_EditorToMember_AddsRoleRenewsStampAuditsAndTellsThePerson()
    {
        // Arrange
        const string email = "p.garcia@demo.cec.example";
        var memberId = await portal.UserIdAsync(email);
        var stampBefore = await StampAsync(memberId);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormAsync($"/admin/staff/{memberId}", new Dictionary<string, string>(), "li[data-role=Editor] form");
        using var member = await portal.SignedInClientAsync(email);
        using var briefings = await member.GetAsync(new Uri("/admin/briefings", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/admin/staff/{memberId}");
        (await RolesOfAsync(memberId)).ShouldBe([Roles.Editor, Roles.Member]);
        (await StampAsync(memberId)).ShouldNotBe(stampBefore);
        var audit = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"user:{memberId}" && e.Action.StartsWith("role.")).ToListAsync());
        audit.ShouldHaveSingleItem().Action.ShouldBe(SecurityEvents.RoleGranted);
        audit[0].Note.ShouldBe(Roles.Editor);
        audit[0].ActorName.ShouldBe(PortalFactory.AdminEmail);
        var notice = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == "You are now an Editor on the CEC Portal");
        notice.TextBody!.ShouldContain("write the daily briefing");
        briefings.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await admin.GetDocumentAsync($"/admin/staff/{memberId}");
        page.QuerySelector("li[data-role=Editor] [data-testid=held]")!.TextContent.ShouldBe("Held");
        page.QuerySelector("li[data-role=Editor] button")!.TextContent.ShouldBe("Revoke Editor");
    }

    [Fact]
    public async Task PostRevoke_Vetter_RemovesRoleClearsScopeAuditsAndTellsThePerson()
    {
        // Arrange
        const string email = "narrow.vetter@staff-demo.eu";
        var vetterId = await MembershipTestKit.CreateVetterAsync(portal, email, ["DE"], ["banking"]);
        var stampBefore = await StampAsync(vetterId);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormAsync($"/admin/staff/{vetterId}", new Dictionary<string, string>(), "li[data-role=Vetter] form");
        using var vetter = await portal.SignedInClientAsync(email);
        using var queue = await vetter.GetAsync(new Uri("/admin/vetting", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RolesOfAsync(vetterId)).ShouldBeEmpty();
        (await StampAsync(vetterId)).ShouldNotBe(stampBefore);
        (await portal.WithDbAsync(async db => await db.VetterCountries.CountAsync(v => v.UserId == vetterId) + await db.VetterSectors.CountAsync(v => v.UserId == vetterId))).ShouldBe(0);
        var audit = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"user:{vetterId}" && e.Action == SecurityEvents.RoleRevoked).SingleAsync());
        audit.Note.ShouldBe("Vetter; vetting scope cleared (1 countries, 1 sectors)");
        await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == "Your Vetter role on the CEC Portal has ended");
        queue.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PostRevoke_LastActiveAdmin_IsRefusedWithMessage()
    {
        // Arrange: the demo admin is the only active Admin; a suspended one does not count.
        var adminId = await portal.UserIdAsync(PortalFactory.AdminEmail);
        await TestUsers.CreateAsync(portal.Factory.Services, new TestUser("suspended.admin@staff-demo.eu", "Suspended Admin", Roles.Admin) { Suspended = true });
        var stampBefore = await StampAsync(adminId);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormAsync($"/admin/staff/{adminId}", new Dictionary<string, string>(), "li[data-role=Admin] form");
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Alex Admin is the portal's only active Admin. Make someone else an Admin first.");
        (await RolesOfAsync(adminId)).ShouldBe([Roles.Admin]);
        (await StampAsync(adminId)).ShouldBe(stampBefore);
        (await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Subject == $"user:{adminId}" && e.Action == SecurityEvents.RoleRevoked))).ShouldBeFalse();
    }

    [Fact]
    public async Task PostGrant_RoleAlreadyHeldFromStalePage_ShowsMessageAndAddsNothing()
    {
        // Arrange
        var editorId = await portal.UserIdAsync(PortalFactory.EditorEmail);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.PostAsync($"/admin/staff/{editorId}?handler=Grant", new Dictionary<string, string> { ["Role"] = Roles.Editor }, $"/admin/staff/{editorId}");
        using var member = await admin.PostAsync($"/admin/staff/{editorId}?handler=Grant", new Dictionary<string, string> { ["Role"] = Roles.Member }, $"/admin/staff/{editorId}");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Elena Editor already has the Editor role.");
        member.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Choose one of the staff roles.");
        (await RolesOfAsync(editorId)).ShouldBe([Roles.Editor]);
    }

    [Fact]
    public async Task PostNew_UnknownEmail_CreatesAccountWhoseWelcomeLinkLetsThePersonIn()
    {
        // Arrange
        const string email = "new.editor@staff-demo.eu";
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormAsync("/admin/staff/new", new Dictionary<string, string>
        {
            ["Input.Email"] = "  " + email + " ",
            ["Input.FullName"] = "Nadia Newcomer",
            ["Input.Role"] = Roles.Editor,
        });
        var invitation = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == "Your staff account on the CEC Portal");
        var link = new Uri(WelcomeLink().Match(invitation.TextBody!).Value).PathAndQuery;
        using var anonymous = portal.CreateClient();
        using var setPassword = await anonymous.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "Nadia-Passw0rd!2026",
            ["Input.ConfirmPassword"] = "Nadia-Passw0rd!2026",
        });
        using var signIn = await anonymous.SignInAsync(email, "Nadia-Passw0rd!2026");

        // Assert
        var userId = await portal.UserIdAsync(email);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/admin/staff/{userId}");
        (await RolesOfAsync(userId)).ShouldBe([Roles.Editor]);
        var actions = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"user:{userId}" && e.ActorName == PortalFactory.AdminEmail).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        actions.ShouldBe([StaffAdministration.StaffAccountCreatedAction, SecurityEvents.RoleGranted]);
        setPassword.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        setPassword.Headers.Location!.OriginalString.ShouldBe("/account/login");
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task PostGrant_ModeratorToMember_OpensTheSharingSpaceAdministrationAndTellsThePerson()
    {
        // Arrange
        const string email = "g.papadopoulos@demo.cec.example";
        var memberId = await portal.UserIdAsync(email);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var newStaffForm = await admin.GetDocumentAsync("/admin/staff/new");

        // Act
        using var response = await admin.SubmitFormAsync($"/admin/staff/{memberId}", new Dictionary<string, string>(), "li[data-role=Moderator] form");
        using var member = await portal.SignedInClientAsync(email);
        using var sharing = await member.GetAsync(new Uri("/admin/sharing", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        newStaffForm.QuerySelector($"select[name='Input.Role'] option[value={Roles.Moderator}]").ShouldNotBeNull();
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RolesOfAsync(memberId)).ShouldBe([Roles.Member, Roles.Moderator]);
        var notice = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == "You are now a Moderator on the CEC Portal");
        notice.TextBody!.ShouldContain("run the members' sharing space");
        sharing.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PostNew_MemberEmail_PromotesTheMemberWithoutNewAccount()
    {
        // Arrange
        const string email = "e.dejong@demo.cec.example";
        var memberId = await portal.UserIdAsync(email);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormAsync("/admin/staff/new", new Dictionary<string, string>
        {
            ["Input.Email"] = email.ToUpperInvariant(),
            ["Input.FullName"] = string.Empty,
            ["Input.Role"] = Roles.Vetter,
        });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/admin/staff/{memberId}");
        (await RolesOfAsync(memberId)).ShouldBe([Roles.Member, Roles.Vetter]);
        (await portal.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email))).ShouldBe(1);
        await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == "You are now a Vetter on the CEC Portal");
    }

    [Theory]
    [InlineData("", "Nobody", "Enter the person's email address.")]
    [InlineData("not-an-address", "Nobody", "Enter a valid email address.")]
    [InlineData("no.name@staff-demo.eu", "", "enter the person's name to create one")]
    [InlineData("bad.role@staff-demo.eu", "Bad Role", "There is no staff role called Member.")]
    public async Task PostNew_BadInput_ReshowsFormWithMessageAndTypedValues(string email, string fullName, string message)
    {
        // Arrange
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var usersBefore = await portal.WithDbAsync(db => db.Users.CountAsync());

        // Act
        using var response = await admin.SubmitFormAsync("/admin/staff/new", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.FullName"] = fullName,
            ["Input.Role"] = email.StartsWith("bad.role", StringComparison.Ordinal) ? Roles.Member : Roles.Editor,
        });
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("main")!.TextContent.ShouldContain(message);
        page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value").ShouldBe(email);
        page.QuerySelector("input[name='Input.FullName']")!.GetAttribute("value").ShouldBe(fullName);
        (await portal.WithDbAsync(db => db.Users.CountAsync())).ShouldBe(usersBefore);
    }

    [Fact]
    public async Task Get_PersonForUnknownOrErasedAccount_Returns404()
    {
        // Arrange
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.GetAsync(new Uri("/admin/staff/no-such-user", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private Task<List<string>> RolesOfAsync(string userId) => portal.WithDbAsync(db => db.UserRoles.Where(ur => ur.UserId == userId)
        .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
        .OrderBy(name => name)
        .ToListAsync());

    private Task<string?> StampAsync(string userId) => portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync());

    [GeneratedRegex(@"https?://\S+/account/welcome\?\S+")]
    private static partial Regex WelcomeLink();
}

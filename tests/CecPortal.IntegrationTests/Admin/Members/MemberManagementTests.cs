using System.Net;
using System.Text;
using CecPortal.IntegrationTests.Membership;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Admin.Members;
using CecPortal.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Admin.Members;

/// <summary>The staff member list's status filter and CSV export, and the member profile page with suspend/reinstate.</summary>
public sealed class MemberManagementTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Get_IndexFilteredByStatus_CombinesWithSearchAndCountry()
    {
        // Arrange
        await portal.CreateUserAsync("status.active.lu@status-demo.eu", "Statusfilter Active Lux", Roles.Member, "LU", "energy");
        await portal.CreateUserAsync("status.suspended.lu@status-demo.eu", "Statusfilter Suspended Lux", Roles.Member, "LU", "energy", suspended: true);
        await portal.CreateUserAsync("status.suspended.mt@status-demo.eu", "Statusfilter Suspended Malta", Roles.Member, "MT", "banking", suspended: true);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var suspended = await admin.GetDocumentAsync("/admin/members?q=statusfilter&status=suspended");
        var suspendedInLuxembourg = await admin.GetDocumentAsync("/admin/members?q=statusfilter&status=suspended&country=LU");
        var active = await admin.GetDocumentAsync("/admin/members?q=statusfilter&status=active");
        var upperCase = await admin.GetDocumentAsync("/admin/members?q=statusfilter&status=SUSPENDED&sector=banking");
        var unknown = await admin.GetDocumentAsync("/admin/members?q=statusfilter&status=deleted");

        // Assert
        Emails(suspended).ShouldBe(["status.suspended.lu@status-demo.eu", "status.suspended.mt@status-demo.eu"]);
        Emails(suspendedInLuxembourg).ShouldBe(["status.suspended.lu@status-demo.eu"]);
        Emails(active).ShouldBe(["status.active.lu@status-demo.eu"]);
        Emails(upperCase).ShouldBe(["status.suspended.mt@status-demo.eu"]);
        unknown.QuerySelector("[data-testid=no-members]").ShouldNotBeNull();
        suspendedInLuxembourg.QuerySelector("select#status option[selected]")!.GetAttribute("value").ShouldBe("suspended");
    }

    [Fact]
    public async Task Get_IndexFilteredByNeverSignedInOrPrivacyPending_FindsThoseMembers()
    {
        // Arrange
        await TestUsers.CreateAsync(portal.Factory.Services, new TestUser("signin.yes@signin-demo.eu", "Signinfilter Has Signed In", Roles.Member)
        {
            Password = PortalFactory.DemoPassword,
        });
        await TestUsers.CreateAsync(portal.Factory.Services, new TestUser("signin.no@signin-demo.eu", "Signinfilter Never Signed In", Roles.Member));
        await TestUsers.CreateAsync(portal.Factory.Services, new TestUser("signin.privacy@signin-demo.eu", "Signinfilter Privacy Pending", Roles.Member)
        {
            AcceptedPrivacyNotice = false,
        });
        using (await portal.SignedInClientAsync("signin.yes@signin-demo.eu"))
        {
        }

        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var neverSignedIn = await admin.GetDocumentAsync("/admin/members?q=signinfilter&status=never-signed-in");
        var privacyPending = await admin.GetDocumentAsync("/admin/members?q=signinfilter&status=privacy-pending");

        // Assert
        Emails(neverSignedIn).ShouldBe(["signin.no@signin-demo.eu", "signin.privacy@signin-demo.eu"]);
        Emails(privacyPending).ShouldBe(["signin.privacy@signin-demo.eu"]);
    }

    [Fact]
    public async Task PostExport_FilteredList_ReturnsEveryMatchingRowAsCsvWithHeader()
    {
        // Arrange: more rows than one page, and one outside the filter.
        for (var i = 0; i < 27; i++)
        {
            await portal.CreateUserAsync($"csvpage{i:00}@csv-demo.eu", $"Csvpage Person {i:00}", Roles.Member, "LU", "energy");
        }

        await portal.CreateUserAsync("csvpage.other@csv-demo.eu", "Csvpage Elsewhere", Roles.Member, "MT", "energy");
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormAsync("/admin/members?q=csvpage&country=LU", new Dictionary<string, string>(), "form[data-testid=member-export]");
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldStartWith("cec-members-");
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble(), "a byte order mark, so spreadsheets read the accents as UTF-8");
        rows[0].ShouldBe(["Name", "Email", "Job title", "Organisation", "Country", "Sector", "Status", "Member since"]);
        rows.Count.ShouldBe(28);
        rows.Skip(1).Select(r => r[1]).ShouldBe(Enumerable.Range(0, 27).Select(i => $"csvpage{i:00}@csv-demo.eu"));
        rows[1].ShouldBe(["Csvpage Person 00", "csvpage00@csv-demo.eu", "CISO", "Csvpage Person 00 Ltd", "Luxembourg", "Energy", "Active", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
    }

    [Fact]
    public async Task PostExport_FieldsWithFormulasAndSeparators_AreEscapedAndGuarded()
    {
        // Arrange
        await CreateMemberAsync("csvinject.1@inject-demo.eu", "=HYPERLINK(\"http://evil.example\",\"Csvinject\")", "Plain Org");
        await CreateMemberAsync("csvinject.2@inject-demo.eu", "Csvinject Comma", "Smith, Jones & \"Partners\"");
        await CreateMemberAsync("csvinject.3@inject-demo.eu", "Csvinject Plus", "+1 Security");
        await CreateMemberAsync("csvinject.4@inject-demo.eu", "Csvinject Minus", "-2+3");
        await CreateMemberAsync("csvinject.5@inject-demo.eu", "Csvinject At", "@SUM(A1:A9)");
        await CreateMemberAsync("csvinject.6@inject-demo.eu", "Csvinject Tab", "\tTabbed");
        await CreateMemberAsync("csvinject.7@inject-demo.eu", "Csvinject Return", "\rReturned");
        await CreateMemberAsync("csvinject.8@inject-demo.eu", "Csvinject Line", "Two\nLines");
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormAsync("/admin/members?q=csvinject", new Dictionary<string, string>(), "form[data-testid=member-export]");
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var rows = Csv.Parse(text).Skip(1).ToDictionary(r => r[1], r => r);

        // Assert
        rows["csvinject.1@inject-demo.eu"][0].ShouldBe("'=HYPERLINK(\"http://evil.example\",\"Csvinject\")");
        rows["csvinject.2@inject-demo.eu"][3].ShouldBe("Smith, Jones & \"Partners\"");
        rows["csvinject.3@inject-demo.eu"][3].ShouldBe("'+1 Security");
        rows["csvinject.4@inject-demo.eu"][3].ShouldBe("'-2+3");
        rows["csvinject.5@inject-demo.eu"][3].ShouldBe("'@SUM(A1:A9)");
        rows["csvinject.6@inject-demo.eu"][3].ShouldBe("'\tTabbed");
        rows["csvinject.7@inject-demo.eu"][3].ShouldBe("'\rReturned");
        rows["csvinject.8@inject-demo.eu"][3].ShouldBe("Two\nLines");
        text.ShouldContain("\"Smith, Jones & \"\"Partners\"\"\"");
    }

    [Fact]
    public async Task PostExport_AnyExport_IsAuditedWithFilterAndRowCountButNoPersonalData()
    {
        // Arrange
        await portal.CreateUserAsync("csvaudit.1@audit-demo.eu", "Csvaudit Zorya", Roles.Member, "LU", "energy", suspended: true);
        await portal.CreateUserAsync("csvaudit.2@audit-demo.eu", "Csvaudit Yannick", Roles.Member, "LU", "energy", suspended: true);
        await portal.CreateUserAsync("csvaudit.3@audit-demo.eu", "Csvaudit Xenia", Roles.Member, "LU", "energy");
        var before = await portal.WithDbAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Id)) ?? 0;
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormAsync("/admin/members?q=csvaudit&country=lu&sector=energy&status=suspended", new Dictionary<string, string>(), "form[data-testid=member-export]");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var entries = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Id > before && e.Action == MemberExport.ExportAction).ToListAsync());
        var entry = entries.ShouldHaveSingleItem();
        entry.Subject.ShouldBe("members");
        entry.ActorName.ShouldBe(PortalFactory.AdminEmail);
        entry.ActorId.ShouldBe(await portal.UserIdAsync(PortalFactory.AdminEmail));
        entry.Note.ShouldBe("Filter: search given (text not recorded); country LU; sector energy; status suspended; 2 rows");
        entry.Note!.ShouldNotContain("csvaudit", Case.Insensitive);
    }

    [Theory]
    [InlineData(PortalFactory.CountryVetterEmail)]
    [InlineData(PortalFactory.EditorEmail)]
    [InlineData(PortalFactory.MemberEmail)]
    public async Task PostExport_AsAnyoneButAdmin_IsForbiddenAndNotAudited(string email)
    {
        // Arrange
        var before = await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == MemberExport.ExportAction));
        using var client = await portal.SignedInClientAsync(email);

        // Act
        using var response = await client.PostAsync("/admin/members?handler=Export", new Dictionary<string, string>());

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == MemberExport.ExportAction))).ShouldBe(before);
    }

    [Fact]
    public async Task Get_ProfileOfApprovedMember_ShowsProfileApplicationSignInAndAudit()
    {
        // Arrange: an applicant approved by both demo vetters, who then signs in once.
        const string email = "profile.camille@profile-demo.eu";
        await MembershipFlowTests.EnsureScopesAsync(portal);
        var (applicationId, _) = await MembershipTestKit.ApplyAndVerifyAsync(portal, MembershipFlowTests.Form(email));
        using (var countryVetter = await portal.SignedInClientAsync(PortalFactory.CountryVetterEmail))
        using (var approved = await countryVetter.SubmitFormAsync($"/admin/vetting/{applicationId}?handler=Approve", new Dictionary<string, string> { ["Input.Note"] = "Known." }))
        using (var sectorVetter = await portal.SignedInClientAsync(PortalFactory.SectorVetterEmail))
        using (var approvedAgain = await sectorVetter.SubmitFormAsync($"/admin/vetting/{applicationId}?handler=Approve", new Dictionary<string, string> { ["Input.Note"] = "Energy." }))
        {
            approvedAgain.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var memberId = await portal.UserIdAsync(email);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var page = await admin.GetDocumentAsync($"/admin/members/{memberId}");

        // Assert
        page.QuerySelector("h1")!.TextContent.ShouldBe("Camille Laurent");
        var profile = page.QuerySelector("[data-testid=member-profile]")!.TextContent;
        profile.ShouldContain(email);
        profile.ShouldContain("Réseau Électrique Demo");
        profile.ShouldContain("France");
        profile.ShouldContain("Energy");
        page.QuerySelector("[data-testid=member-application]")!.TextContent.ShouldContain("Approved");
        page.QuerySelector("[data-testid=vetting-record]")!.GetAttribute("href").ShouldBe($"/admin/vetting/{applicationId}");
        page.QuerySelector("[data-testid=member-status]")!.TextContent.Trim().ShouldBe("Active");
        page.QuerySelector("[data-testid=mfa-state]")!.TextContent.ShouldBe("Off");
        page.QuerySelector("[data-testid=last-sign-in]")!.TextContent.ShouldBe("Never");
        page.QuerySelector("[data-testid=registrations]")!.TextContent.ShouldBe("0");
        page.QuerySelector("[data-testid=member-sign-in]")!.TextContent.ShouldContain("Not set yet");
        (await admin.GetDocumentAsync($"/admin/vetting/{applicationId}")).QuerySelector("h1").ShouldNotBeNull();
    }

    [Fact]
    public async Task Get_ProfileAfterSignIn_ShowsLastSignInAndAuditExcerpt()
    {
        // Arrange
        var memberId = await portal.UserIdAsync("j.schneider@demo.cec.example");
        using (await portal.SignedInClientAsync("j.schneider@demo.cec.example"))
        {
        }

        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var page = await admin.GetDocumentAsync($"/admin/members/{memberId}");

        // Assert
        page.QuerySelector("[data-testid=last-sign-in]")!.TextContent.ShouldEndWith("UTC");
        page.QuerySelector("[data-testid=member-audit]")!.TextContent.ShouldContain(SecurityEvents.SignInSucceeded);
        page.QuerySelector("[data-testid=member-application]")!.TextContent.ShouldContain("No application on record");
        page.QuerySelector("[data-testid=vetting-record]").ShouldBeNull();
    }

    [Fact]
    public async Task PostStatus_SuspendThenReinstateFromProfile_ChangesStatusRenewsStampAndAudits()
    {
        // Arrange
        const string email = "a.lindqvist@demo.cec.example";
        var memberId = await portal.UserIdAsync(email);
        var stampBefore = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.SecurityStamp).SingleAsync());
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var suspend = await admin.SubmitFormAsync($"/admin/members/{memberId}", new Dictionary<string, string> { ["Input.Reason"] = "Left Nordic Orbit." }, "form[data-testid=member-status-form]");
        var suspendedPage = await admin.GetDocumentAsync($"/admin/members/{memberId}");
        using var refusedSignIn = await portal.CreateClient().SignInAsync(email, PortalFactory.DemoPassword);
        using var reinstate = await admin.SubmitFormAsync($"/admin/members/{memberId}", new Dictionary<string, string> { ["Input.Reason"] = "Back in the role." }, "form[data-testid=member-status-form]");
        var reinstatedPage = await admin.GetDocumentAsync($"/admin/members/{memberId}");

        // Assert
        suspend.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        suspend.Headers.Location!.OriginalString.ShouldBe($"/admin/members/{memberId}");
        suspendedPage.QuerySelector("[data-testid=member-status]")!.TextContent.Trim().ShouldBe("Suspended");
        suspendedPage.QuerySelector("[data-testid=suspension-reason]")!.TextContent.ShouldBe("Left Nordic Orbit.");
        suspendedPage.QuerySelector("[data-testid=member-audit]")!.TextContent.ShouldContain("member.suspend");
        refusedSignIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        reinstate.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reinstatedPage.QuerySelector("[data-testid=member-status]")!.TextContent.Trim().ShouldBe("Active");
        var stored = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => new { u.SuspendedAt, u.SecurityStamp }).SingleAsync());
        stored.SuspendedAt.ShouldBeNull();
        stored.SecurityStamp.ShouldNotBe(stampBefore);
        var audit = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"user:{memberId}" && e.Action.StartsWith("member.")).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        audit.ShouldBe(["member.suspend", "member.reinstate"]);
    }

    [Fact]
    public async Task PostStatus_WithoutReason_ReshowsProfileWithMessageAndChangesNothing()
    {
        // Arrange
        var memberId = await portal.UserIdAsync("d.novak@demo.cec.example");
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormAsync($"/admin/members/{memberId}", new Dictionary<string, string> { ["Input.Reason"] = " " }, "form[data-testid=member-status-form]");
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.Reason']")!.TextContent.ShouldBe("Give a reason for the record.");
        page.QuerySelector("[data-testid=member-profile]").ShouldNotBeNull();
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.SuspendedAt).SingleAsync())).ShouldBeNull();
    }

    [Fact]
    public async Task PostStatus_AdminWhoIsAlsoMemberSuspendsThemselves_IsRefused()
    {
        // Arrange
        const string email = "member.admin@self-demo.eu";
        var userId = await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, "Selfie Admin", Roles.Member) { Password = PortalFactory.DemoPassword });
        await portal.WithServiceAsync<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>(async users =>
            (await users.AddToRoleAsync((await users.FindByIdAsync(userId))!, Roles.Admin)).Succeeded.ShouldBeTrue());
        using var self = await portal.SignedInClientAsync(email);

        // Act
        using var response = await self.SubmitFormAsync($"/admin/members/{userId}", new Dictionary<string, string> { ["Input.Reason"] = "Testing." }, "form[data-testid=member-status-form]");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("You cannot suspend your own account.");
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SuspendedAt).SingleAsync())).ShouldBeNull();
    }

    [Fact]
    public async Task Get_ProfileOfStaffOnlyAccountOrUnknownId_Returns404()
    {
        // Arrange
        var editorId = await portal.UserIdAsync(PortalFactory.EditorEmail);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var staff = await admin.GetAsync(new Uri($"/admin/members/{editorId}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var unknown = await admin.GetAsync(new Uri("/admin/members/no-such-user", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        staff.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(PortalFactory.CountryVetterEmail)]
    [InlineData(PortalFactory.EditorEmail)]
    public async Task PostStatus_AsVetterOrEditor_IsForbiddenAndChangesNothing(string email)
    {
        // Arrange
        var memberId = await portal.UserIdAsync("g.papadopoulos@demo.cec.example");
        using var client = await portal.SignedInClientAsync(email);

        // Act
        using var response = await client.PostAsync($"/admin/members/{memberId}?handler=Status", new Dictionary<string, string>
        {
            ["Input.Change"] = "Suspend",
            ["Input.Reason"] = "Not allowed.",
        });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.SuspendedAt).SingleAsync())).ShouldBeNull();
    }

    private static string?[] Emails(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=members] tbody tr").Select(r => r.GetAttribute("data-member"))];

    private Task<string> CreateMemberAsync(string email, string fullName, string organisation) =>
        TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, fullName, Roles.Member) { Organisation = organisation, CountryCode = "LU", SectorCode = "energy" });
}

/// <summary>A strict RFC 4180 reader for the tests: quoted fields, doubled quotes, CRLF records, line breaks inside quotes.</summary>
internal static class Csv
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        field.Append(text[i++]);
                    }
                }
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
                i += 2;
            }
            else
            {
                field.Append(c);
                i++;
            }
        }

        if (fields.Count > 0 || field.Length > 0)
        {
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }
}

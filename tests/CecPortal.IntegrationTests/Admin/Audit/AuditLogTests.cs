using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Admin.Audit;

public sealed class AuditLogTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly IPAddress Office = IPAddress.Parse("203.0.113.7");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// A cookie-keeping client whose requests arrive from <paramref name="address"/>: the test server leaves
    /// the connection's remote address empty, where Kestrel (or the forwarded headers middleware) would fill it.
    /// </summary>
    private HttpClient ClientFrom(IPAddress address) =>
        new(new CookieContainerHandler { InnerHandler = portal.Factory.Server.CreateHandler(context => context.Connection.RemoteIpAddress = address) })
        {
            BaseAddress = new Uri("http://localhost"),
        };

    private async Task<HttpClient> SignedInClientFromAsync(IPAddress address, string email)
    {
        var client = ClientFrom(address);
        using var response = await client.SignInAsync(email, PortalFactory.DemoPassword);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    [Fact]
    public async Task SuspendMember_AsAdmin_RecordsActorAddressUserAgentAndTime()
    {
        // Arrange
        var adminId = await portal.UserIdAsync(PortalFactory.AdminEmail);
        var memberId = await portal.CreateUserAsync("audit.suspend@demo.cec.example", "Audit Suspend", "Member");
        using var admin = await SignedInClientFromAsync(IPAddress.Loopback, PortalFactory.AdminEmail);
        admin.DefaultRequestHeaders.UserAgent.ParseAdd("AuditTest/1.0");
        var before = DateTimeOffset.UtcNow;

        // Act
        using var response = await admin.SubmitFormAsync($"/admin/members/{memberId}/suspend", new Dictionary<string, string> { ["Input.Reason"] = "Audit test." });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var entry = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Subject == $"user:{memberId}" && e.Action == "member.suspend", Token));
        entry.ActorId.ShouldBe(adminId);
        entry.ActorName.ShouldBe(PortalFactory.AdminEmail);
        entry.IpAddress.ShouldBe(IPAddress.Loopback);
        entry.UserAgent.ShouldBe("AuditTest/1.0");
        entry.At.ShouldBeInRange(before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task SignIn_UnknownEmail_RecordsFailureWithoutTheTypedEmail()
    {
        // Arrange
        const string typed = "nobody.here.7731@unknown.example";
        using var client = ClientFrom(Office);
        var before = await portal.WithDbAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Id, Token)) ?? 0;

        // Act
        using var response = await client.SignInAsync(typed, "Some-Typed-Secret-42");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var entries = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Id > before).ToListAsync(Token));
        var entry = entries.ShouldHaveSingleItem();
        entry.Action.ShouldBe(SecurityEvents.SignInFailed);
        entry.ActorId.ShouldBeNull();
        entry.Subject.ShouldStartWith("unknown-account:");
        var stored = string.Join('|', entry.ActorName, entry.Subject, entry.Note, entry.UserAgent);
        stored.ShouldNotContain("nobody", Case.Insensitive);
        stored.ShouldNotContain("unknown.example", Case.Insensitive);
        stored.ShouldNotContain("Some-Typed-Secret-42");
        entry.IpAddress.ShouldBe(Office);
    }

    [Fact]
    public async Task SignIn_SameUnknownEmailTwice_GetsTheSameMarker()
    {
        // Arrange
        using var client = portal.CreateClient();
        var before = await portal.WithDbAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Id, Token)) ?? 0;

        // Act
        using var first = await client.SignInAsync("repeat.7731@unknown.example", "x-password-1");
        using var second = await client.SignInAsync("Repeat.7731@Unknown.example ", "x-password-2");
        using var other = await client.SignInAsync("other.7731@unknown.example", "x-password-3");

        // Assert
        var subjects = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Id > before).OrderBy(e => e.Id).Select(e => e.Subject).ToListAsync(Token));
        subjects.Count.ShouldBe(3);
        subjects[1].ShouldBe(subjects[0]);
        subjects[2].ShouldNotBe(subjects[0]);
    }

    [Fact]
    public async Task SignIn_WrongPasswordForKnownAccount_RecordsFailureForThatAccount()
    {
        // Arrange
        var memberId = await portal.UserIdAsync(PortalFactory.MemberEmail);
        using var client = portal.CreateClient();
        var before = await portal.WithDbAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Id, Token)) ?? 0;

        // Act
        using var response = await client.SignInAsync(PortalFactory.MemberEmail, "Not-The-Password-99");

        // Assert
        var entry = (await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Id > before).ToListAsync(Token))).ShouldHaveSingleItem();
        entry.Action.ShouldBe(SecurityEvents.SignInFailed);
        entry.Subject.ShouldBe($"user:{memberId}");
        string.Join('|', entry.ActorName, entry.Subject, entry.Note).ShouldNotContain("Not-The-Password-99");
    }

    [Fact]
    public async Task SignInThenSignOut_Member_RecordsBothForTheAccount()
    {
        // Arrange
        var memberId = await portal.UserIdAsync(PortalFactory.MemberEmail);
        using var client = portal.CreateClient();
        var before = await portal.WithDbAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Id, Token)) ?? 0;

        // Act
        using var signIn = await client.SignInAsync(PortalFactory.MemberEmail, PortalFactory.DemoPassword);
        using var signOut = await client.SubmitFormAsync("/account/logout", new Dictionary<string, string>());

        // Assert
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var entries = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Id > before).OrderBy(e => e.Id).ToListAsync(Token));
        entries.Select(e => e.Action).ShouldBe([SecurityEvents.SignInSucceeded, SecurityEvents.SignedOut]);
        entries.ShouldAllBe(e => e.ActorId == memberId && e.Subject == $"user:{memberId}" && e.ActorName == PortalFactory.MemberEmail);
    }

    [Fact]
    public async Task ChangePassword_WithValidInput_RecordsPasswordChangeForTheAccount()
    {
        // Arrange
        const string newPassword = "Granite-Ledger!2026x";
        var userId = await portal.UserIdAsync(PortalFactory.SectorVetterEmail);
        using var client = await SignedInClientFromAsync(Office, PortalFactory.SectorVetterEmail);
        var before = await portal.WithDbAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Id, Token)) ?? 0;

        // Act
        using var response = await client.SubmitFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = PortalFactory.DemoPassword,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var entry = (await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Id > before && e.Action.StartsWith("password.")).ToListAsync(Token))).ShouldHaveSingleItem();
        entry.Action.ShouldBe(SecurityEvents.PasswordChanged);
        entry.ActorId.ShouldBe(userId);
        entry.Subject.ShouldBe($"user:{userId}");
        entry.IpAddress.ShouldBe(Office);
        string.Join('|', entry.ActorName, entry.Subject, entry.Note).ShouldNotContain(newPassword);
    }

    [Theory]
    [InlineData(PortalFactory.MemberEmail)]
    [InlineData(PortalFactory.CountryVetterEmail)]
    [InlineData(PortalFactory.EditorEmail)]
    public async Task GetAuditPage_AsNonAdmin_IsForbidden(string email)
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(email);

        // Act
        using var response = await client.GetAsync(new Uri("/admin/audit", UriKind.Relative), Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GetAuditPage_AsAdmin_ListsNewestFirstWithLinkFromAdminHome()
    {
        // Arrange
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var home = await admin.GetDocumentAsync("/admin");
        var page = await admin.GetDocumentAsync("/admin/audit");

        // Assert
        home.QuerySelector("[data-testid=admin-links] a[href='/admin/audit']").ShouldNotBeNull();
        var rows = page.QuerySelectorAll("[data-testid=audit-entries] tbody tr");
        rows.Length.ShouldBeGreaterThan(0);
        var ids = rows.Select(r => long.Parse(r.GetAttribute("data-entry")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        ids.ShouldBe(ids.OrderByDescending(id => id).ToList());
        rows[0].QuerySelector("[data-testid=action]")!.TextContent.ShouldBe(SecurityEvents.SignInSucceeded);
        rows[0].QuerySelector("[data-testid=actor]")!.TextContent.ShouldBe(PortalFactory.AdminEmail);
        page.QuerySelectorAll("select[name=action] option").Select(o => o.GetAttribute("value")).ShouldContain(SecurityEvents.SignedOut);
    }

    [Fact]
    public async Task GetAuditPage_WithFilters_ShowsOnlyMatchingEntries()
    {
        // Arrange
        using var editor = await SignedInClientFromAsync(Office, PortalFactory.EditorEmail);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // Act
        var byActorAndAction = await admin.GetDocumentAsync($"/admin/audit?actor=EDITOR@demo&action={SecurityEvents.SignInSucceeded}&ip=203.0.113.7&from={today}&to={today}");
        var bySubject = await admin.GetDocumentAsync("/admin/audit?subject=unknown-account");
        var otherIp = await admin.GetDocumentAsync($"/admin/audit?ip=192.0.2.10&actor=editor@demo&action={SecurityEvents.SignInSucceeded}");
        var future = await admin.GetDocumentAsync($"/admin/audit?from={tomorrow}");

        // Assert
        var rows = byActorAndAction.QuerySelectorAll("[data-testid=audit-entries] tbody tr");
        rows.Length.ShouldBeGreaterThan(0);
        rows.ShouldAllBe(r => r.QuerySelector("[data-testid=actor]")!.TextContent == PortalFactory.EditorEmail
            && r.QuerySelector("[data-testid=action]")!.TextContent == SecurityEvents.SignInSucceeded);
        byActorAndAction.QuerySelector("#actor")!.GetAttribute("value").ShouldBe("EDITOR@demo");
        byActorAndAction.QuerySelector("select[name=action] option[selected]")!.GetAttribute("value").ShouldBe(SecurityEvents.SignInSucceeded);
        bySubject.QuerySelectorAll("[data-testid=audit-entries] [data-testid=subject]").ShouldAllBe(s => s.TextContent.StartsWith("unknown-account:"));
        otherIp.QuerySelector("[data-testid=no-entries]").ShouldNotBeNull();
        future.QuerySelector("[data-testid=no-entries]").ShouldNotBeNull();
    }

    [Fact]
    public async Task GetAuditPage_WithBadDateAndAddress_KeepsWhatWasTypedWithMessages()
    {
        // Arrange
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.GetAsync(new Uri("/admin/audit?from=31%2F02%2F2026&ip=not-an-address&actor=someone", UriKind.Relative), Token);
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#from")!.GetAttribute("value").ShouldBe("31/02/2026");
        page.QuerySelector("#ip")!.GetAttribute("value").ShouldBe("not-an-address");
        page.QuerySelector("#actor")!.GetAttribute("value").ShouldBe("someone");
        page.QuerySelector("[data-testid=from-error]")!.TextContent.ShouldContain("YYYY-MM-DD");
        page.QuerySelector("[data-testid=ip-error]")!.TextContent.ShouldContain("IP address");
        page.QuerySelector("[data-testid=filter-invalid]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=audit-entries]").ShouldBeNull();
    }
}

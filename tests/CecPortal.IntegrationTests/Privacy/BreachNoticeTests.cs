using System.Net;
using CecPortal.IntegrationTests.Briefings;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Admin.Breach;
using CecPortal.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Privacy;

/// <summary>The Admin's breach-readiness page: who is affected, bad input, sending once through the outbox.</summary>
public sealed class BreachNoticeTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Page = "/admin/breach/new";

    private static readonly DateTimeOffset InWindow = new(2025, 3, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BeforeWindow = new(2025, 2, 27, 23, 59, 0, TimeSpan.Zero);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(PortalFactory.MemberEmail, "/admin/breach")]
    [InlineData(PortalFactory.EditorEmail, "/admin/breach")]
    [InlineData(PortalFactory.CountryVetterEmail, "/admin/breach/new")]
    [InlineData(PortalFactory.EditorEmail, "/admin/breach/new")]
    [InlineData(PortalFactory.EditorEmail, "/admin/privacy")]
    public async Task Get_AsNonAdmin_Forbidden(string email, string path)
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(email);

        // Act
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/admin/breach")]
    [InlineData("/admin/breach/new")]
    [InlineData("/admin/privacy")]
    public async Task Get_AsAdmin_Succeeds(string path)
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Preview_NoCategory_ReshowsFormWithMessageAndTypedText()
    {
        // Arrange
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormValuesAsync($"{Page}?handler=Preview", [new("Input.Subject", "Typed subject"), new("Input.Body", "Typed body")]);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.QuerySelector("[data-valmsg-for='Input.Categories']")!.TextContent.ShouldBe("Choose at least one kind of data the breach touched.");
        page.QuerySelector("input[name='Input.Subject']")!.GetAttribute("value").ShouldBe("Typed subject");
        page.QuerySelector("[data-testid=affected-count]").ShouldBeNull();
        page.QuerySelector("[data-testid=send]").ShouldBeNull();
    }

    [Theory]
    [InlineData("2025-03-31", "2025-03-01", "Input.To", "The end of the period must not be before its start.")]
    [InlineData("1999-01-01", "2025-03-01", "Input.From", "The period cannot start before 1 January 2020.")]
    [InlineData("not-a-date", "2025-03-01", "Input.From", "The value 'not-a-date' is not valid for From (UTC day).")]
    public async Task Send_BadWindow_ReshowsFormAndSendsNothing(string from, string to, string field, string message)
    {
        // Arrange
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var before = await portal.WithDbAsync(db => db.BreachNotices.CountAsync(Token));

        // Act
        using var response = await admin.SubmitFormValuesAsync($"{Page}?handler=Send",
        [
            new("Input.Categories", "Profile"), new("Input.From", from), new("Input.To", to),
            new("Input.Subject", "Bad window"), new("Input.Body", "Body"),
        ]);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.ShouldBe(message);
        page.QuerySelector("input[name='Input.From']")!.GetAttribute("value").ShouldBe(from);
        (await portal.WithDbAsync(db => db.BreachNotices.CountAsync(Token))).ShouldBe(before);
    }

    [Fact]
    public async Task Preview_DeliveriesAndSignInsInWindow_ListsExactlyThoseMembers()
    {
        // Arrange: a delivery in the window, one just before it, a sign-in in the window, and someone with nothing
        var inside = await portal.CreateUserAsync("breach.delivery-in@breach-demo.eu", "Delivery Inside", Roles.Member);
        var outside = await portal.CreateUserAsync("breach.delivery-out@breach-demo.eu", "Delivery Outside", Roles.Member);
        var signIn = await portal.CreateUserAsync("breach.sign-in@breach-demo.eu", "Sign In", Roles.Member);
        await portal.CreateUserAsync("breach.nothing@breach-demo.eu", "Nothing", Roles.Member);
        var briefing = await BriefingTestKit.AddAsync(portal, new DateOnly(2025, 2, 27), "Breach window edition");
        await AddDeliveryAsync(briefing.Id, inside, InWindow);
        await AddDeliveryAsync(briefing.Id, outside, BeforeWindow);
        await portal.WithDbAsync(db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = InWindow, ActorId = signIn, ActorName = "Sign In", Action = SecurityEvents.SignInSucceeded, Subject = SecurityEvents.UserSubject(signIn) });
            return db.SaveChangesAsync(Token);
        });
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormValuesAsync($"{Page}?handler=Preview",
        [
            new("Input.Categories", "BriefingDeliveries"), new("Input.Categories", "SignInHistory"),
            new("Input.From", "2025-02-28"), new("Input.To", "2025-03-31"),
        ]);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.QuerySelectorAll("[data-testid=affected] li").Select(li => li.GetAttribute("data-email"))
            .ShouldBe(["breach.delivery-in@breach-demo.eu", "breach.sign-in@breach-demo.eu"]);
        page.QuerySelector("[data-testid=affected-count]")!.TextContent.ShouldBe("2");
        page.QuerySelector("[data-testid=send]")!.TextContent.ShouldBe("Send to 2 people");
        page.QuerySelectorAll("input[name='Input.Categories'][checked]").Select(i => i.GetAttribute("value")).ShouldBe(["BriefingDeliveries", "SignInHistory"]);
    }

    [Fact]
    public async Task Send_ProfilesUntilWindowEnd_EmailsEachAffectedMemberOnceEvenWhenRunTwice()
    {
        // Arrange: two accounts that existed in 2024, one created later
        var early1 = await portal.CreateUserAsync("breach.early1@breach-send.eu", "Early One", Roles.Member);
        var early2 = await portal.CreateUserAsync("breach.early2@breach-send.eu", "Early Two", Roles.Member);
        await portal.CreateUserAsync("breach.late@breach-send.eu", "Late Three", Roles.Member);
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == early1 || u.Id == early2)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.CreatedAt, new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)), Token));
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var adminId = await portal.UserIdAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormValuesAsync($"{Page}?handler=Send",
        [
            new("Input.Categories", "Profile"), new("Input.To", "2024-12-31"),
            new("Input.Subject", "Security incident affecting your profile"), new("Input.Body", "Our **directory export** was exposed.\n\nWrite to privacy@cec-portal.example."),
        ]);
        var first = await portal.Smtp.WaitForAsync(m => m.To.ToString().Contains("breach.early1@breach-send.eu", StringComparison.Ordinal));
        await portal.Smtp.WaitForAsync(m => m.To.ToString().Contains("breach.early2@breach-send.eu", StringComparison.Ordinal));
        var notice = await portal.WithDbAsync(db => db.BreachNotices.AsNoTracking().SingleAsync(n => n.Subject == "Security incident affecting your profile", Token));
        var again = 0;
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            // As Hangfire builds it: the job class is not registered, only its dependencies.
            again = await ActivatorUtilities.CreateInstance<SendBreachNoticeJob>(scope.ServiceProvider).RunAsync(notice.Id, Token);
        }

        await JobQueues.UntilIdleAsync(portal.Factory.Services);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/admin/breach");
        again.ShouldBe(0);
        notice.RecipientCount.ShouldBe(2);
        portal.Smtp.Messages.Count(m => m.Subject == "Security incident affecting your profile").ShouldBe(2);
        portal.Smtp.Messages.ShouldNotContain(m => m.To.ToString().Contains("breach.late@", StringComparison.Ordinal));
        first.Subject.ShouldBe("Security incident affecting your profile");
        first.HtmlBody!.ShouldContain("Dear Early One,");
        first.HtmlBody!.ShouldContain("<strong>directory export</strong>");
        (await portal.WithDbAsync(db => db.BreachNoticeRecipients.Where(r => r.NoticeId == notice.Id).Select(r => r.UserId).ToListAsync(Token)))
            .ShouldBe([early1, early2], ignoreOrder: true);
        var audit = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == BreachNotices.SendAction && e.Subject == $"breach-notice:{notice.Id}", Token));
        audit.ActorId.ShouldBe(adminId);
        audit.Note!.ShouldContain("to 2 people; data: Account and profile; period: until 2024-12-31.");
        var list = await admin.GetDocumentAsync("/admin/breach");
        var row = list.QuerySelector($"[data-notice='{notice.Id}']")!;
        row.QuerySelector("[data-testid=recipients]")!.TextContent.ShouldBe("2");
        row.QuerySelector("[data-testid=status]")!.TextContent.Trim().ShouldBe("Delivered to 2 of 2");
    }

    private Task<int> AddDeliveryAsync(Guid briefingId, string memberId, DateTimeOffset createdAt) =>
        portal.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO briefing_deliveries ("BriefingId", "MemberId", "Status", "Attempts", "CreatedAt")
            VALUES ({briefingId}, {memberId}, 1, 1, {createdAt})
            """,
            Token));
}

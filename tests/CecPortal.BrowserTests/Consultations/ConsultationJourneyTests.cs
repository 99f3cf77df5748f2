using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Consultations;

/// <summary>From the announcement email to the answer, and to the published position paper, in the browser.</summary>
public sealed class ConsultationJourneyTests(BrowserPortal portal)
{
    private const string Email = "consultation.journey@browser.example";
    private const string Title = "CRA: reporting actively exploited vulnerabilities";

    [Fact]
    public async Task Journey_AnnouncementLinkAnswerThenPublication_MemberAnswersAndReadsThePaper()
    {
        // Arrange: a member of the audience, and the consultation opened (the announcement goes through the outbox).
        await TestUsers.CreateAsync(portal.Services, new TestUser(Email, "Journey Member", Roles.Member)
        {
            CountryCode = "IE",
            SectorCode = "manufacturing",
            Password = PortalFactory.DemoPassword,
        });
        var id = await OpenAsync();
        var email = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == Email) && m.Subject == $"New consultation: {Title}");
        var link = email.TextBody!.Split((char[])['\n', ' ', '\r'], StringSplitOptions.RemoveEmptyEntries).First(w => w.Contains($"/consultations/{id}", StringComparison.Ordinal));

        // Act + Assert
        await portal.RunAsync(
            async page =>
            {
                var consultation = new ConsultationPage(page);
                // The email's link names the portal's public address; the signed-in session is on the test address.
                link.ShouldStartWith(portal.LocalhostAddress.ToString());
                await page.GotoAsync(new Uri(link).PathAndQuery);
                await Expect(consultation.ModeStatement).ToContainTextAsync("Anonymous.");
                await Expect(consultation.PeersCount).ToContainTextAsync("0 members have answered so far");
                await consultation.ChooseAsync("Only within 24 hours of exploitation being known");
                await consultation.WriteAsync("Your answer to question 2", "One single reporting platform, please.");
                await consultation.SubmitAsync();
                await Expect(consultation.StatusMessage).ToContainTextAsync("your answers are submitted");
                await Expect(consultation.PeersCount).ToContainTextAsync("1 member has answered so far");
                await Screenshots.SaveAsync(page, "consultation-answered");

                await PublishAsync(id);
                await page.ReloadAsync();
                await Expect(consultation.PositionPaper).ToContainTextAsync("single reporting platform");
                await Expect(consultation.InstitutionResponse).ToContainTextAsync("has not responded yet");
                await Screenshots.SaveAsync(page, "consultation-published");
            },
            signedInAs: Email);
    }

    private async Task<Guid> OpenAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var policyId = await db.Users.Where(u => u.Email == PortalFactory.PolicyEmail).Select(u => u.Id).SingleAsync();
        var admin = scope.ServiceProvider.GetRequiredService<ConsultationAdministration>();
        var staff = new Actor(policyId, PortalFactory.PolicyEmail);
        var id = await admin.CreateAsync(
            new ConsultationDetails(Title, "ENISA", "Cyber Resilience Act, Article 14", "How should manufacturers report?", DateTimeOffset.UtcNow.AddDays(10), ConsultationMode.Anonymous, ["manufacturing"], ["IE"]),
            staff,
            CancellationToken.None);
        await admin.AddQuestionAsync(id, QuestionKind.SingleChoice, "When should reporting start?", ["Only within 24 hours of exploitation being known", "Within 72 hours"], required: true, staff, CancellationToken.None);
        await admin.AddQuestionAsync(id, QuestionKind.FreeText, "What should ENISA hear?", [], required: false, staff, CancellationToken.None);
        await admin.OpenAsync(id, staff, CancellationToken.None);
        return id;
    }

    private async Task PublishAsync(Guid id)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var policyId = await db.Users.Where(u => u.Email == PortalFactory.PolicyEmail).Select(u => u.Id).SingleAsync();
        var admin = scope.ServiceProvider.GetRequiredService<ConsultationAdministration>();
        var staff = new Actor(policyId, PortalFactory.PolicyEmail);
        await admin.CloseAsync(id, staff, CancellationToken.None);
        await admin.PublishAsync(id, "The community asks for a **single reporting platform**.", null, staff, CancellationToken.None);
    }
}

using System.Text.RegularExpressions;
using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Consultations;

/// <summary>
/// A consultation end to end in the browser: the announcement email, answering, the published result, and the
/// position paper as it prints.
/// </summary>
public sealed partial class ConsultationResultsJourneyTests(BrowserPortal portal)
{
    private const string Question = "Is the 24-hour early warning workable?";

    [Fact]
    public async Task Consultation_FromAnnouncementEmailToPublishedResult_MemberAnswersAndReadsTheResults()
    {
        // Arrange: five members of one country (k = 5), and a consultation opened for that country.
        var members = new List<(string Id, string Email)>();
        for (var i = 0; i < 5; i++)
        {
            var email = $"journey-{i}-{Guid.NewGuid():N}@members.example";
            var id = await TestUsers.CreateAsync(portal.Services, new TestUser(email, $"Journey Member {i}", Roles.Member)
            {
                CountryCode = "EE",
                SectorCode = "energy",
                Password = PortalFactory.DemoPassword,
            });
            members.Add((id, email));
        }

        var staff = new Actor(await portal.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == PortalFactory.PolicyEmail).Id)), PortalFactory.PolicyEmail);
        var title = $"Incident thresholds {Guid.NewGuid().ToString("N")[..6]}";
        Guid consultationId = default;
        await WithAsync<ConsultationAdministration>(async admin =>
        {
            consultationId = await admin.CreateAsync(
                new ConsultationDetails(title, "European Commission (DG CONNECT)", "NIS2 implementing act", "Where should the **thresholds** be?", DateTimeOffset.UtcNow.AddDays(10), ConsultationMode.Anonymous, [], ["EE"]),
                staff,
                CancellationToken.None);
            await admin.AddQuestionAsync(consultationId, QuestionKind.SingleChoice, Question, ["Yes", "No", "Only for significant incidents"], required: true, staff, CancellationToken.None);
            await admin.OpenAsync(consultationId, staff, CancellationToken.None);
        });
        var firstEmail = members[0].Email;
        var announcement = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == firstEmail) && m.Subject == $"New consultation: {title}");

        // Act: the member follows the email's link and answers.
        await portal.RunAsync(
            async page =>
            {
                var consultation = new ConsultationPage(page);
                await page.GotoAsync(PathOf(announcement.TextBody!));
                await Expect(consultation.Heading).ToHaveTextAsync(title);
                await Expect(consultation.ModeStatement).ToContainTextAsync("Anonymous.");
                await consultation.Option(Question, "Only for significant incidents").CheckAsync();
                await consultation.SubmitButton.ClickAsync();
                await Expect(consultation.MyStatus).ToContainTextAsync("You submitted your answers");
            },
            signedInAs: firstEmail,
            testName: $"{nameof(Consultation_FromAnnouncementEmailToPublishedResult_MemberAnswersAndReadsTheResults)}-answer");

        // The others answer, and staff close and publish.
        var questionId = await portal.WithDbAsync(db => Task.FromResult(db.ConsultationQuestions.Single(q => q.ConsultationId == consultationId).Id));
        foreach (var (id, _) in members.Skip(1))
        {
            await WithAsync<ConsultationAnswering>(answering => answering.SaveAsync(consultationId, id, [new GivenAnswer(questionId, [0], null)], named: false, submit: true, CancellationToken.None));
        }

        await WithAsync<ConsultationAdministration>(async admin =>
        {
            await admin.CloseAsync(consultationId, staff, CancellationToken.None);
            await admin.PublishAsync(consultationId, "The community backs the **24-hour** early warning.", "The Commission will take the position into account.", staff, CancellationToken.None);
        });

        // Assert: the member reads the paper, the results with their chart, and the response.
        await portal.RunAsync(
            async page =>
            {
                var consultation = new ConsultationPage(page);
                await page.GotoAsync(PathOf(announcement.TextBody!));
                await Expect(consultation.PositionPaper).ToContainTextAsync("The community backs the 24-hour early warning.");
                await Expect(consultation.Respondents).ToContainTextAsync("5 members answered");
                await Expect(consultation.OverallChart(Question)).ToBeVisibleAsync();
                await Expect(consultation.Results.GetByTestId("overall").GetByTestId("count")).ToHaveTextAsync(["4", "0", "1"]);
                await Expect(consultation.InstitutionResponse).ToContainTextAsync("The Commission will take the position into account.");
                await Expect(consultation.Results).Not.ToContainTextAsync("Journey Member");
                await Screenshots.SaveAsync(page, "consultation-published");
            },
            signedInAs: firstEmail,
            testName: $"{nameof(Consultation_FromAnnouncementEmailToPublishedResult_MemberAnswersAndReadsTheResults)}-published");

        // The policy officer's printable paper: on screen with its print button, in print without the portal around it.
        await portal.RunAsync(
            async page =>
            {
                var paper = new PositionPaperPage(page);
                await paper.GotoAsync(consultationId);
                await Expect(paper.PrintButton).ToBeVisibleAsync();
                await Expect(paper.Navigation).ToBeVisibleAsync();
                await page.EmulateMediaAsync(new() { Media = Media.Print });
                await Expect(paper.Navigation).ToBeHiddenAsync();
                await Expect(paper.Footer).ToBeHiddenAsync();
                await Expect(paper.Toolbar).ToBeHiddenAsync();
                await Expect(paper.Paper).ToContainTextAsync("The community backs the 24-hour early warning.");
                await Expect(paper.Results).ToContainTextAsync("5 members answered");
                await Screenshots.SaveAsync(page, "consultation-paper-print");
            },
            signedInAs: PortalFactory.PolicyEmail,
            testName: $"{nameof(Consultation_FromAnnouncementEmailToPublishedResult_MemberAnswersAndReadsTheResults)}-paper");
    }

    /// <summary>The path of the email's consultation link: the browser is signed in on the portal's loopback address, not the configured host name.</summary>
    private static string PathOf(string textBody)
    {
        var match = ConsultationLink().Match(textBody);
        return match.Success ? new Uri(match.Value).PathAndQuery : throw new InvalidOperationException("The email has no consultation link.");
    }

    private async Task WithAsync<TService>(Func<TService, Task> action)
        where TService : notnull
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    [GeneratedRegex(@"https?://\S+/consultations/[0-9a-fA-F-]{36}")]
    private static partial Regex ConsultationLink();
}

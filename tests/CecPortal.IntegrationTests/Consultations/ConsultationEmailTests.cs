using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Features.Profile;
using CecPortal.Web.Features.Unsubscribe;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Shouldly;
using static CecPortal.IntegrationTests.Consultations.ConsultationTestKit;

namespace CecPortal.IntegrationTests.Consultations;

/// <summary>The reminder before the deadline, the close at the deadline, and the member's "consultations" email setting.</summary>
public sealed class ConsultationEmailTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Deadlines_ReminderDue_EmailsOnlyTheAudienceWhoHaveNotSubmittedAndNobodyTwice()
    {
        // Arrange
        var submitted = await AddMemberAsync(portal, "Sue Submitted", "IS", "energy");
        var drafted = await AddMemberAsync(portal, "Dan Drafted", "IS", "energy");
        var silent = await AddMemberAsync(portal, "Sil Silent", "IS", "energy");
        var optedOut = await AddMemberAsync(portal, "Opal Optout", "IS", "energy");
        var id = await OpenAsync(portal, Details(title: "Reminder due", countries: ["IS"], deadlineIn: TimeSpan.FromDays(2)));
        await AnswerAsync(portal, id, submitted.Id, choice: 0);
        var questions = await QuestionsAsync(portal, id);
        await portal.WithServiceAsync<ConsultationAnswering>(answering => answering.SaveAsync(id, drafted.Id, [new GivenAnswer(questions[3].Id, [], "draft")], named: false, submit: false, Token));
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == optedOut.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ConsultationEmailsOptOutAt, DateTimeOffset.UtcNow), Token));
        const string subject = "Reminder: consultation \"Reminder due\" closes soon";

        // Act
        await portal.WithServiceAsync<ConsultationDeadlines>(deadlines => deadlines.RunAsync(Token));
        await portal.WithServiceAsync<ConsultationDeadlines>(deadlines => deadlines.RunAsync(Token));
        var email = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == silent.Email) && m.Subject == subject);
        var queuedTo = await portal.WithDbAsync(db => db.OutboundEmails.Where(e => e.Subject == subject).Select(e => e.To).ToListAsync(Token));
        var stamped = await portal.WithDbAsync(db => db.Consultations.Where(c => c.Id == id).Select(c => c.ReminderSentAt).SingleAsync(Token));

        // Assert
        queuedTo.ShouldBe([drafted.Email, silent.Email], ignoreOrder: true);
        email.TextBody!.ShouldContain("you have not submitted your answers yet");
        email.Headers[HeaderId.ListUnsubscribe].ShouldNotBeNullOrEmpty();
        stamped.ShouldNotBeNull();
        (await AuditActionsAsync(portal, id)).Count(a => a == ConsultationDeadlines.ReminderAction).ShouldBe(1);
    }

    [Fact]
    public async Task Deadlines_ReminderNotYetDue_SendsNothing()
    {
        // Arrange
        await AddMemberAsync(portal, "Fred Future", "LI", "energy");
        var id = await OpenAsync(portal, Details(title: "Reminder not due", countries: ["LI"], deadlineIn: TimeSpan.FromDays(10)));

        // Act
        await portal.WithServiceAsync<ConsultationDeadlines>(deadlines => deadlines.RunAsync(Token));

        // Assert
        (await portal.WithDbAsync(db => db.Consultations.Where(c => c.Id == id).Select(c => c.ReminderSentAt).SingleAsync(Token))).ShouldBeNull();
        (await portal.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.Subject.StartsWith("Reminder: consultation \"Reminder not due\""), Token))).ShouldBe(0);
    }

    [Fact]
    public async Task Deadlines_DeadlinePassed_ClosesTheConsultationAndAuditsItAsTheSystem()
    {
        // Arrange
        var id = await OpenAsync(portal, Details(title: "Past its deadline", countries: ["AD"]));
        await SetDeadlineAsync(portal, id, DateTimeOffset.UtcNow.AddMinutes(-5));

        // Act
        await portal.WithServiceAsync<ConsultationDeadlines>(deadlines => deadlines.RunAsync(Token));
        var stored = await portal.WithDbAsync(db => db.Consultations.AsNoTracking().SingleAsync(c => c.Id == id, Token));

        // Assert
        stored.Status.ShouldBe(ConsultationStatus.Closed);
        stored.ClosedAt.ShouldNotBeNull();
        (await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == ConsultationAdministration.Subject(id) && e.Action == ConsultationDeadlines.AutoCloseAction).Select(e => e.ActorName).SingleAsync(Token)))
            .ShouldBe(ConsultationDeadlines.ActorName);
    }

    [Fact]
    public async Task Unsubscribe_LinkInTheAnnouncement_TurnsConsultationEmailsOffAndNothingElse()
    {
        // Arrange
        var member = await AddMemberAsync(portal, "Ulla Unsub", "SM", "energy");
        await OpenAsync(portal, Details(title: "Unsubscribe from me", countries: ["SM"]));
        var message = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == member.Email) && m.Subject == "New consultation: Unsubscribe from me");
        var link = new Uri(message.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>'));
        using var anonymous = portal.CreateClient();

        // Act
        using var body = new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]);
        using var posted = await anonymous.PostAsync(new Uri(link.PathAndQuery, UriKind.Relative), body, Token);
        var user = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == member.Id, Token));

        // Assert
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await posted.ReadDocumentAsync()).QuerySelector("[data-testid=unsubscribed]")!.TextContent.ShouldContain("consultation");
        user.ConsultationEmailsOptOutAt.ShouldNotBeNull();
        user.WebinarAnnouncementsOptOutAt.ShouldBeNull();
        user.BriefingOptOutAt.ShouldBeNull();
        (await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == OneClickUnsubscribe.ConsultationsUnsubscribeAction && e.Subject == $"user:{member.Id}", Token))).ShouldBe(1);
    }

    [Fact]
    public async Task Profile_ConsultationEmailsToggle_TurnsThemOffAndOnAndAuditsEach()
    {
        // Arrange
        var member = await AddMemberAsync(portal, "Tess Toggle", "SM", "health");
        using var client = await portal.SignedInClientAsync(member.Email);

        // Act
        using var off = await PostFormAsync(client, "/profile", "[data-testid=consultation-emails-form]", []);
        var offAt = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => u.ConsultationEmailsOptOutAt).SingleAsync(Token));
        var page = await client.GetDocumentAsync("/profile");
        using var on = await PostFormAsync(client, "/profile", "[data-testid=consultation-emails-form]", []);
        var onAt = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => u.ConsultationEmailsOptOutAt).SingleAsync(Token));

        // Assert
        off.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        offAt.ShouldNotBeNull();
        page.QuerySelector("[data-testid=consultation-emails-status]")!.TextContent.ShouldContain("You do not receive consultation emails");
        onAt.ShouldBeNull();
        (await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"user:{member.Id}" && e.Action.StartsWith("consultation-emails.")).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Token)))
            .ShouldBe([ProfileEditor.ConsultationEmailsOffAction, ProfileEditor.ConsultationEmailsOnAction]);
    }
}

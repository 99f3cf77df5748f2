using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Features.Consultations;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static CecPortal.IntegrationTests.Consultations.ConsultationTestKit;

namespace CecPortal.IntegrationTests.Consultations;

public sealed class ConsultationAdminPagesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Form = "[data-testid=consultation-form]";
    private const string QuestionForm = "[data-testid=question-form]";

    [Fact]
    public async Task New_PolicyOfficerFillsTheForm_SavesADraftForTheChosenAudienceAndAudits()
    {
        // Arrange
        using var policy = await portal.SignedInClientAsync(PortalFactory.PolicyEmail);
        var deadline = DateTime.UtcNow.AddDays(20);

        // Act
        using var response = await PostFormAsync(policy, "/admin/consultations/new", Form,
        [
            F("Input.Title", "CRA reporting of actively exploited vulnerabilities"),
            F("Input.Institution", "ENISA"),
            F("Input.Act", "Cyber Resilience Act, Article 14"),
            F("Input.ContextMarkdown", "The **single reporting platform** is being designed."),
            F("Input.Deadline", deadline.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            F("Input.Mode", nameof(ConsultationMode.Attributed)),
            F("Input.AudienceSectors", "energy"),
            F("Input.AudienceSectors", "banking"),
            F("Input.AudienceCountries", "FR"),
        ]);
        var stored = await portal.WithDbAsync(db => db.Consultations.AsNoTracking().SingleAsync(c => c.Title == "CRA reporting of actively exploited vulnerabilities", Token));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/admin/consultations/{stored.Id}");
        stored.Status.ShouldBe(ConsultationStatus.Draft);
        stored.Mode.ShouldBe(ConsultationMode.Attributed);
        stored.AudienceSectors.ShouldBe(["banking", "energy"]);
        stored.AudienceCountries.ShouldBe(["FR"]);
        stored.Deadline.ShouldBe(new DateTimeOffset(deadline.Year, deadline.Month, deadline.Day, deadline.Hour, deadline.Minute, 0, TimeSpan.Zero));
        (await AuditActionsAsync(portal, stored.Id)).ShouldBe([ConsultationAdministration.CreateAction]);
    }

    [Fact]
    public async Task New_DeadlineInThePastAndNoTitle_ReShowsTheFormAsTypedAndStoresNothing()
    {
        // Arrange
        using var editor = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        using var response = await PostFormAsync(editor, "/admin/consultations/new", Form,
        [
            F("Input.Title", "  "),
            F("Input.Institution", "ENISA typed"),
            F("Input.Act", "DORA"),
            F("Input.ContextMarkdown", "Context"),
            F("Input.Deadline", "2020-01-01T10:00"),
            F("Input.Mode", nameof(ConsultationMode.Anonymous)),
        ]);
        var page = await response.ReadDocumentAsync();
        var refusedPast = await PostFormAsync(editor, "/admin/consultations/new", Form,
        [
            F("Input.Title", "Past deadline"),
            F("Input.Institution", "ENISA"),
            F("Input.Act", "DORA"),
            F("Input.ContextMarkdown", "Context"),
            F("Input.Deadline", "2020-01-01T10:00"),
            F("Input.Mode", nameof(ConsultationMode.Anonymous)),
        ]);
        var pastPage = await refusedPast.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent.ShouldContain("Enter the title.");
        ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Input.Institution']")!).Value.ShouldBe("ENISA typed");
        refusedPast.StatusCode.ShouldBe(HttpStatusCode.OK);
        pastPage.QuerySelector("[data-valmsg-for='Input.Deadline']")!.TextContent.ShouldContain("The deadline must be in the future.");
        (await portal.WithDbAsync(db => db.Consultations.CountAsync(c => c.Title == "Past deadline", Token))).ShouldBe(0);
    }

    [Fact]
    public async Task Questions_AddMoveRequireRemove_ChangeTheDraftInOrderAndAreAudited()
    {
        // Arrange
        var id = await DraftAsync(portal, Details(title: "Questions editing"));
        var path = $"/admin/consultations/{id}";
        using var policy = await portal.SignedInClientAsync(PortalFactory.PolicyEmail);

        // Act
        using var added = await PostFormAsync(policy, path, QuestionForm,
        [
            F("Question.Kind", nameof(QuestionKind.Scale)),
            F("Question.Prompt", "How ready is your SOC?"),
            F("Question.Options", "Not at all\nBarely\nPartly\nMostly\nFully"),
            F("Question.Required", "true"),
        ]);
        var questions = await QuestionsAsync(portal, id);
        var newQuestion = questions.Single(q => q.Prompt == "How ready is your SOC?");
        using var moved = await PostFormAsync(policy, path, QuestionForm, [F("questionId", newQuestion.Id.ToString()), F("up", "true")], handler: "MoveQuestion");
        var first = questions[0];
        using var optional = await PostFormAsync(policy, path, QuestionForm, [F("questionId", first.Id.ToString()), F("required", "false")], handler: "Required");
        using var removed = await PostFormAsync(policy, path, QuestionForm, [F("questionId", questions[1].Id.ToString())], handler: "RemoveQuestion");
        var after = await QuestionsAsync(portal, id);

        // Assert
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        newQuestion.Position.ShouldBe(5);
        newQuestion.Options.ShouldBe(["Not at all", "Barely", "Partly", "Mostly", "Fully"]);
        newQuestion.Required.ShouldBeTrue();
        after.Select(q => q.Prompt).ShouldBe(["Is the 24-hour early warning workable?", "Which criteria should count?", "How ready is your SOC?", "Anything else?"]);
        after.Select(q => q.Position).ShouldBe([1, 2, 3, 4]);
        after[0].Required.ShouldBeFalse();
        (await AuditActionsAsync(portal, id)).ShouldBe(
        [
            ConsultationAdministration.CreateAction, .. Enumerable.Repeat(ConsultationAdministration.AddQuestionAction, 5),
            ConsultationAdministration.MoveQuestionAction, ConsultationAdministration.RequiredAction, ConsultationAdministration.RemoveQuestionAction,
        ]);
    }

    [Fact]
    public async Task AddQuestion_ScaleWithThreeLabels_ReShowsTheFormWithTheMessageAndAddsNothing()
    {
        // Arrange
        var id = await DraftAsync(portal, Details(title: "Bad scale"));
        using var policy = await portal.SignedInClientAsync(PortalFactory.PolicyEmail);

        // Act
        using var response = await PostFormAsync(policy, $"/admin/consultations/{id}", QuestionForm,
        [
            F("Question.Kind", nameof(QuestionKind.Scale)),
            F("Question.Prompt", "Three-point scale typed"),
            F("Question.Options", "Low\nMedium\nHigh"),
        ]);
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Question.Options']")!.TextContent.ShouldContain("exactly 5 labels");
        ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Question.Prompt']")!).Value.ShouldBe("Three-point scale typed");
        (await QuestionsAsync(portal, id)).Count.ShouldBe(4);
    }

    [Fact]
    public async Task Open_DraftWithoutQuestions_IsRefusedWithAMessageAndStaysDraft()
    {
        // Arrange
        var staff = await StaffAsync(portal);
        var id = Guid.Empty;
        await portal.WithServiceAsync<ConsultationAdministration>(async admin => id = await admin.CreateAsync(Details(title: "Empty"), staff, Token));
        using var policy = await portal.SignedInClientAsync(PortalFactory.PolicyEmail);

        // Act
        using var response = await PostFormAsync(policy, $"/admin/consultations/{id}", "[data-testid=open-form]", []);
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Add at least one question");
        (await portal.WithDbAsync(db => db.Consultations.Where(c => c.Id == id).Select(c => c.Status).SingleAsync(Token))).ShouldBe(ConsultationStatus.Draft);
    }

    [Fact]
    public async Task Open_Draft_AnnouncesToTheAudienceOnlyHonouringTheEmailSettingAndFreezesTheQuestions()
    {
        // Arrange
        var invited = await AddMemberAsync(portal, "Ines Invited", "FI", "space");
        var optedOut = await AddMemberAsync(portal, "Otto Optout", "FI", "space");
        var otherSector = await AddMemberAsync(portal, "Sara Sector", "FI", "banking");
        var otherCountry = await AddMemberAsync(portal, "Carl Country", "SE", "space");
        var suspended = await AddMemberAsync(portal, "Sam Suspended", "FI", "space", suspended: true);
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == optedOut.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ConsultationEmailsOptOutAt, DateTimeOffset.UtcNow), Token));
        var id = await DraftAsync(portal, Details(title: "Space sector in Finland", sectors: ["space"], countries: ["FI"]));
        using var policy = await portal.SignedInClientAsync(PortalFactory.PolicyEmail);

        // Act
        using var response = await PostFormAsync(policy, $"/admin/consultations/{id}", "[data-testid=open-form]", []);
        var email = await portal.Smtp.WaitForAsync(m => m.To.ToString().Contains(invited.Email, StringComparison.Ordinal) && m.Subject == "New consultation: Space sector in Finland");
        var queuedTo = await portal.WithDbAsync(db => db.OutboundEmails.Where(e => e.Subject == "New consultation: Space sector in Finland").Select(e => e.To).ToListAsync(Token));
        var page = await policy.GetDocumentAsync($"/admin/consultations/{id}");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        email.TextBody!.ShouldContain($"/consultations/{id}");
        email.TextBody!.ShouldContain("anonymous");
        email.Headers["List-Unsubscribe"].ShouldNotBeNullOrEmpty();
        queuedTo.ShouldBe([invited.Email]);
        queuedTo.ShouldNotContain(optedOut.Email);
        queuedTo.ShouldNotContain(otherSector.Email);
        queuedTo.ShouldNotContain(otherCountry.Email);
        queuedTo.ShouldNotContain(suspended.Email);
        page.QuerySelector("[data-testid=question-form]").ShouldBeNull();
        page.QuerySelector("[data-testid=close-form]").ShouldNotBeNull();
        (await AuditActionsAsync(portal, id)).ShouldContain(ConsultationAdministration.OpenAction);
    }

    [Fact]
    public async Task Edit_OpenConsultation_RedirectsToItsPageAndAPostIsRefused()
    {
        // Arrange
        var id = await OpenAsync(portal, Details(title: "Frozen", sectors: ["space"], countries: ["MT"]));
        using var policy = await portal.SignedInClientAsync(PortalFactory.PolicyEmail);
        var staff = await StaffAsync(portal);

        // Act
        using var get = await policy.GetAsync(new Uri($"/admin/consultations/{id}/edit", UriKind.Relative), Token);
        var refusal = await Should.ThrowAsync<ConsultationRuleException>(() =>
            portal.WithServiceAsync<ConsultationAdministration>(admin => admin.EditAsync(id, Details(title: "Changed", sectors: ["space"], countries: ["MT"]), staff, Token)));

        // Assert
        get.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        get.Headers.Location!.OriginalString.ShouldBe($"/admin/consultations/{id}");
        refusal.Message.ShouldContain("members answer what they were shown");
        (await portal.WithDbAsync(db => db.Consultations.Where(c => c.Id == id).Select(c => c.Title).SingleAsync(Token))).ShouldBe("Frozen");
    }

    [Fact]
    public async Task Publish_ClosedConsultation_ShowsThePaperAndLaterTheResponseToMembersAndAudits()
    {
        // Arrange
        var id = await OpenAsync(portal, Details(title: "DORA register of information"));
        await CloseAsync(portal, id);
        using var policy = await portal.SignedInClientAsync(PortalFactory.PolicyEmail);
        using var member = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        using var published = await PostFormAsync(policy, $"/admin/consultations/{id}/publish", "[data-testid=publish-form]", [F("Input.PositionPaperMarkdown", "The community asks for **one** register format.")]);
        var beforeResponse = await member.GetDocumentAsync($"/consultations/{id}");
        using var revised = await PostFormAsync(policy, $"/admin/consultations/{id}/publish", "[data-testid=publish-form]",
            [F("Input.PositionPaperMarkdown", "The community asks for **one** register format."), F("Input.InstitutionResponseMarkdown", "The ESAs will consider a *single* template.")]);
        var afterResponse = await member.GetDocumentAsync($"/consultations/{id}");
        var list = await member.GetDocumentAsync("/consultations");

        // Assert
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        beforeResponse.QuerySelector("[data-testid=position-paper] strong")!.TextContent.ShouldBe("one");
        beforeResponse.QuerySelector("[data-testid=institution-response]")!.TextContent.ShouldContain("has not responded yet");
        revised.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterResponse.QuerySelector("[data-testid=institution-response] em")!.TextContent.ShouldBe("single");
        list.QuerySelector("[data-testid=published-consultations]")!.TextContent.ShouldContain("DORA register of information");
        (await AuditActionsAsync(portal, id)).ShouldContain(ConsultationAdministration.PublishAction);
        (await AuditActionsAsync(portal, id)).ShouldContain(ConsultationAdministration.RevisePublicationAction);
    }

    [Fact]
    public async Task Publish_EmptyPaper_ReShowsTheFormWithAMessage()
    {
        // Arrange
        var id = await OpenAsync(portal, Details(title: "Empty paper"));
        await CloseAsync(portal, id);
        using var policy = await portal.SignedInClientAsync(PortalFactory.PolicyEmail);

        // Act
        using var response = await PostFormAsync(policy, $"/admin/consultations/{id}/publish", "[data-testid=publish-form]", [F("Input.PositionPaperMarkdown", ""), F("Input.InstitutionResponseMarkdown", "Response typed")]);
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.PositionPaperMarkdown']")!.TextContent.ShouldContain("Write the position paper.");
        page.QuerySelector("textarea[name='Input.InstitutionResponseMarkdown']")!.TextContent.ShouldContain("Response typed");
        (await portal.WithDbAsync(db => db.Consultations.Where(c => c.Id == id).Select(c => c.Status).SingleAsync(Token))).ShouldBe(ConsultationStatus.Closed);
    }
}

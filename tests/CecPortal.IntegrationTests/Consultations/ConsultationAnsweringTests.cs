using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Features.Consultations;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static CecPortal.IntegrationTests.Consultations.ConsultationTestKit;

namespace CecPortal.IntegrationTests.Consultations;

public sealed class ConsultationAnsweringTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string AnswerForm = "[data-testid=answer-form]";

    [Fact]
    public async Task Answer_SaveDraftThenSubmitThenChange_KeepsOneAnswerSetWithTheLatestAnswersAndCountsItOnce()
    {
        // Arrange
        var member = await AddMemberAsync(portal, "Dora Draft", "LV", "energy");
        var id = await OpenAsync(portal, Details(title: "Draft then submit", countries: ["LV"]));
        var path = $"/consultations/{id}";
        using var client = await portal.SignedInClientAsync(member.Email);

        // Act
        using var draft = await PostFormAsync(client, path, AnswerForm, [F("Input.Answers[1].Choice", "3"), F("Input.Answers[3].Text", "First thoughts")], handler: "Save");
        var afterDraft = await client.GetDocumentAsync(path);
        using var submit = await PostFormAsync(client, path, AnswerForm,
            [F("Input.Answers[0].Choice", "2"), F("Input.Answers[1].Choice", "4"), F("Input.Answers[2].Choices", "0"), F("Input.Answers[2].Choices", "3"), F("Input.Answers[3].Text", "Final view")]);
        var afterSubmit = await client.GetDocumentAsync(path);
        using var change = await PostFormAsync(client, path, AnswerForm, [F("Input.Answers[0].Choice", "0")]);
        var stored = await portal.WithDbAsync(db => db.ConsultationResponses.AsNoTracking().Include(r => r.Answers).Where(r => r.ConsultationId == id).ToListAsync(Token));
        var questions = await QuestionsAsync(portal, id);

        // Assert
        draft.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterDraft.QuerySelector("[data-testid=peers-count]")!.TextContent.ShouldContain("0 members have answered so far");
        afterDraft.QuerySelector("[data-testid=my-status]")!.TextContent.ShouldContain("You have a draft");
        afterDraft.QuerySelector("textarea[name='Input.Answers[3].Text']")!.TextContent.ShouldBe("First thoughts");
        submit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterSubmit.QuerySelector("[data-testid=peers-count]")!.TextContent.ShouldContain("1 member has answered so far");
        afterSubmit.QuerySelector("[data-testid=save-draft]").ShouldBeNull();
        change.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = stored.ShouldHaveSingleItem();
        response.MemberId.ShouldBe(member.Id);
        response.IsSubmitted.ShouldBeTrue();
        response.CountryCode.ShouldBe("LV");
        response.SectorCode.ShouldBe("energy");
        response.Answers.ShouldHaveSingleItem().Choices.ShouldBe([0]);
        response.Answers.Single().QuestionId.ShouldBe(questions[0].Id);
    }

    [Fact]
    public async Task Submit_RequiredQuestionUnanswered_ReShowsTheFormWithTheMessageAndWhatWasTyped()
    {
        // Arrange
        var member = await AddMemberAsync(portal, "Rita Required", "LT", "energy");
        var id = await OpenAsync(portal, Details(title: "Required question", countries: ["LT"]));
        using var client = await portal.SignedInClientAsync(member.Email);

        // Act
        using var response = await PostFormAsync(client, $"/consultations/{id}", AnswerForm, [F("Input.Answers[3].Text", "Typed but not submitted")]);
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=answer-errors]")!.TextContent.ShouldContain("Question 1 needs an answer before you submit");
        page.QuerySelector("textarea[name='Input.Answers[3].Text']")!.TextContent.ShouldBe("Typed but not submitted");
        (await portal.WithDbAsync(db => db.ConsultationResponses.CountAsync(r => r.ConsultationId == id, Token))).ShouldBe(0);
    }

    [Fact]
    public async Task Submit_AfterTheDeadline_IsRefusedWithAClearMessageAndTheDraftIsKept()
    {
        // Arrange
        var member = await AddMemberAsync(portal, "Lena Late", "EE", "energy");
        var id = await OpenAsync(portal, Details(title: "Late answers", countries: ["EE"]));
        using var client = await portal.SignedInClientAsync(member.Email);
        using var draft = await PostFormAsync(client, $"/consultations/{id}", AnswerForm, [F("Input.Answers[3].Text", "My saved draft")], handler: "Save");
        var formBeforeDeadline = await client.GetDocumentAsync($"/consultations/{id}");
        await SetDeadlineAsync(portal, id, DateTimeOffset.UtcNow.AddMinutes(-1));

        // Act
        var token = formBeforeDeadline.QuerySelector("[data-testid=answer-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(
        [
            F("__RequestVerificationToken", token),
            F("Input.Answers[0].QuestionId", (await QuestionsAsync(portal, id))[0].Id.ToString()),
            F("Input.Answers[0].Choice", "1"),
        ]);
        using var late = await client.PostAsync(new Uri($"/consultations/{id}?handler=Submit", UriKind.Relative), content, Token);
        var page = await late.ReadDocumentAsync();
        var stored = await portal.WithDbAsync(db => db.ConsultationResponses.AsNoTracking().Include(r => r.Answers).SingleAsync(r => r.ConsultationId == id, Token));
        var shownLater = await client.GetDocumentAsync($"/consultations/{id}");

        // Assert
        late.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=answer-errors]")!.TextContent.ShouldContain("The deadline passed");
        page.QuerySelector("[data-testid=answer-errors]")!.TextContent.ShouldContain("draft you saved before is kept");
        stored.IsSubmitted.ShouldBeFalse();
        stored.Answers.ShouldHaveSingleItem().Text.ShouldBe("My saved draft");
        shownLater.QuerySelector("[data-testid=deadline-passed]").ShouldNotBeNull();
        shownLater.QuerySelector("[data-testid=submit]").ShouldBeNull();
    }

    [Fact]
    public async Task Consultation_MemberOutsideTheAudience_IsNotFoundAndCannotAnswer()
    {
        // Arrange
        var outsider = await AddMemberAsync(portal, "Otto Outside", "CY", "banking");
        var suspended = await AddMemberAsync(portal, "Sid Suspended", "CY", "energy", suspended: true);
        var id = await OpenAsync(portal, Details(title: "Cyprus energy only", sectors: ["energy"], countries: ["CY"]));
        using var client = await portal.SignedInClientAsync(outsider.Email);
        var questions = await QuestionsAsync(portal, id);

        // Act
        using var get = await client.GetAsync(new Uri($"/consultations/{id}", UriKind.Relative), Token);
        var list = await client.GetDocumentAsync("/consultations");
        var outsiderRefusal = await Should.ThrowAsync<ConsultationRuleException>(() => portal.WithServiceAsync<ConsultationAnswering>(
            answering => answering.SaveAsync(id, outsider.Id, [new GivenAnswer(questions[0].Id, [0], null)], named: false, submit: true, Token)));
        var suspendedRefusal = await Should.ThrowAsync<ConsultationRuleException>(() => portal.WithServiceAsync<ConsultationAnswering>(
            answering => answering.SaveAsync(id, suspended.Id, [new GivenAnswer(questions[0].Id, [0], null)], named: false, submit: true, Token)));

        // Assert
        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        list.QuerySelector("[data-testid=no-open]").ShouldNotBeNull();
        outsiderRefusal.Message.ShouldContain("for other members");
        suspendedRefusal.Message.ShouldContain("for other members");
        (await portal.WithDbAsync(db => db.ConsultationResponses.CountAsync(r => r.ConsultationId == id, Token))).ShouldBe(0);
    }

    [Fact]
    public async Task Answer_ChoiceOutsideTheOptions_IsRefusedAndNothingIsStored()
    {
        // Arrange
        var member = await AddMemberAsync(portal, "Tom Tamper", "HR", "energy");
        var id = await OpenAsync(portal, Details(title: "Tampered form", countries: ["HR"]));
        using var client = await portal.SignedInClientAsync(member.Email);

        // Act
        using var response = await PostFormAsync(client, $"/consultations/{id}", AnswerForm, [F("Input.Answers[0].Choice", "7")]);
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=answer-errors]")!.TextContent.ShouldContain("Choose from the options offered (question 1)");
        (await portal.WithDbAsync(db => db.ConsultationResponses.CountAsync(r => r.ConsultationId == id, Token))).ShouldBe(0);
    }

    [Fact]
    public async Task Answer_FreeTextWithADirectionOverride_ReShowsTheFormWithAMessageOnTheField()
    {
        // Arrange
        var member = await AddMemberAsync(portal, "Bea Bidi", "HR", "health");
        var id = await OpenAsync(portal, Details(title: "Hostile free text", countries: ["HR"], sectors: ["health"]));
        using var client = await portal.SignedInClientAsync(member.Email);

        // Act
        using var response = await PostFormAsync(client, $"/consultations/{id}", AnswerForm, [F("Input.Answers[0].Choice", "0"), F("Input.Answers[3].Text", "Evil\u202Eexe.pdf")]);
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.Answers[3].Text']")!.TextContent.ShouldContain("characters");
        (await portal.WithDbAsync(db => db.ConsultationResponses.CountAsync(r => r.ConsultationId == id, Token))).ShouldBe(0);
    }

    [Fact]
    public async Task Responses_SecondAnswerSetForTheSameMember_IsRefusedByTheDatabase()
    {
        // Arrange
        var member = await AddMemberAsync(portal, "Una Unique", "SI", "energy");
        var id = await OpenAsync(portal, Details(title: "Unique answer set", countries: ["SI"]));
        await AnswerAsync(portal, id, member.Id, choice: 1);

        // Act
        var insert = () => portal.WithDbAsync(db =>
        {
            db.ConsultationResponses.Add(ConsultationResponse.Start(id, member.Id, DateTimeOffset.UtcNow));
            return db.SaveChangesAsync(Token);
        });

        // Assert
        var error = await Should.ThrowAsync<DbUpdateException>(insert);
        error.InnerException!.Message.ShouldContain("IX_consultation_responses_ConsultationId_MemberId");
    }

    [Fact]
    public async Task Home_InvitedMember_SeesTheOpenConsultationAndTheDraftIsNot()
    {
        // Arrange
        var member = await AddMemberAsync(portal, "Hanna Home", "LU", "health");
        var outsider = await AddMemberAsync(portal, "Oskar Other", "LU", "banking");
        await OpenAsync(portal, Details(title: "Health sector in Luxembourg", sectors: ["health"], countries: ["LU"]));
        await DraftAsync(portal, Details(title: "Still a draft for health", sectors: ["health"], countries: ["LU"]));
        using var client = await portal.SignedInClientAsync(member.Email);
        using var other = await portal.SignedInClientAsync(outsider.Email);

        // Act
        var home = await client.GetDocumentAsync("/");
        var otherHome = await other.GetDocumentAsync("/");

        // Assert
        var block = home.QuerySelector("[data-testid=home-consultations]")!;
        block.TextContent.ShouldContain("Health sector in Luxembourg");
        block.TextContent.ShouldContain("not answered yet");
        block.TextContent.ShouldNotContain("Still a draft");
        otherHome.QuerySelector("[data-testid=home-consultations]")?.TextContent.ShouldNotContain("Health sector in Luxembourg");
    }
}

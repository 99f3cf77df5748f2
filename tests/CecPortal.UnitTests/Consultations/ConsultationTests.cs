using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Infrastructure.Web;

namespace CecPortal.UnitTests.Consultations;

public sealed class ConsultationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
    private static readonly Actor Staff = new("staff-1", "policy@example.eu");

    private static Consultation Draft(ConsultationMode mode = ConsultationMode.Anonymous, IReadOnlyList<string>? sectors = null, IReadOnlyList<string>? countries = null) =>
        Consultation.Create(new ConsultationDetails(" Title ", "ENISA", "NIS2", "Context", Now.AddDays(10), mode, sectors ?? [], countries ?? []), Staff, Now);

    [Fact]
    public void Lifecycle_DraftOpenClosePublish_MovesForwardOnlyAndFreezesTheQuestionsOnceOpen()
    {
        // Arrange
        var consultation = Draft();
        var question = consultation.AddQuestion(QuestionKind.SingleChoice, "Q?", ["Yes", "No"], required: true);

        // Act
        consultation.Open(Now);
        var addWhenOpen = Should.Throw<ConsultationRuleException>(() => consultation.AddQuestion(QuestionKind.FreeText, "Late?", [], required: false));
        var requireWhenOpen = Should.Throw<ConsultationRuleException>(() => consultation.MarkRequired(question.Id, required: false));
        var publishWhenOpen = Should.Throw<ConsultationRuleException>(() => consultation.Publish("Paper", null, Now));
        consultation.Close(Now.AddDays(1));
        var closeAgain = Should.Throw<ConsultationRuleException>(() => consultation.Close(Now.AddDays(2)));
        consultation.Publish("  Paper  ", "  ", Now.AddDays(3));

        // Assert
        addWhenOpen.Message.ShouldContain("members answer what they were shown");
        requireWhenOpen.ShouldNotBeNull();
        publishWhenOpen.Message.ShouldContain("Only a closed consultation");
        closeAgain.ShouldNotBeNull();
        consultation.Status.ShouldBe(ConsultationStatus.Published);
        consultation.Title.ShouldBe("Title");
        consultation.PositionPaperMarkdown.ShouldBe("Paper");
        consultation.InstitutionResponseMarkdown.ShouldBeNull();
        consultation.Questions.ShouldHaveSingleItem().Required.ShouldBeTrue();
    }

    [Fact]
    public void Open_DeadlineLessThanAnHourAway_IsRefused()
    {
        // Arrange
        var consultation = Draft();
        consultation.AddQuestion(QuestionKind.FreeText, "Q?", [], required: false);

        // Act
        var refusal = Should.Throw<ConsultationRuleException>(() => consultation.Open(Now.AddDays(10).AddMinutes(-30)));

        // Assert
        refusal.Message.ShouldContain("less than an hour away");
        consultation.Status.ShouldBe(ConsultationStatus.Draft);
    }

    [Fact]
    public void MoveAndRemove_Questions_KeepPositionsConsecutive()
    {
        // Arrange
        var consultation = Draft();
        var a = consultation.AddQuestion(QuestionKind.FreeText, "A", [], required: false);
        var b = consultation.AddQuestion(QuestionKind.FreeText, "B", [], required: false);
        var c = consultation.AddQuestion(QuestionKind.FreeText, "C", [], required: false);

        // Act
        consultation.MoveQuestion(c.Id, up: true);
        consultation.MoveQuestion(a.Id, up: true);
        consultation.RemoveQuestion(b.Id);

        // Assert
        consultation.Questions.OrderBy(q => q.Position).Select(q => (q.Prompt, q.Position)).ShouldBe([("A", 1), ("C", 2)]);
    }

    [Theory]
    [InlineData(QuestionKind.Scale, "Low|High")]
    [InlineData(QuestionKind.SingleChoice, "Only")]
    [InlineData(QuestionKind.MultipleChoice, "Same|same")]
    [InlineData(QuestionKind.FreeText, "An option")]
    public void AddQuestion_OptionsThatDoNotFitTheKind_AreRefused(QuestionKind kind, string options)
    {
        // Arrange
        var consultation = Draft();

        // Act
        var refusal = Should.Throw<ConsultationRuleException>(() => consultation.AddQuestion(kind, "Q?", options.Split('|'), required: false));

        // Assert
        refusal.Field.ShouldBe(nameof(ConsultationQuestion.Options));
        consultation.Questions.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("energy", "FR", true)]
    [InlineData("banking", "FR", false)]
    [InlineData("energy", "DE", false)]
    [InlineData(null, "FR", false)]
    public void Invites_SectorAndCountryLists_BothMustMatch(string? sector, string? country, bool invited)
    {
        // Arrange
        var consultation = Draft(sectors: ["energy", "health"], countries: ["FR"]);

        // Act
        var result = consultation.Invites(sector, country);

        // Assert
        result.ShouldBe(invited);
        Draft().Invites(null, null).ShouldBeTrue("no lists: every member");
    }

    [Fact]
    public void Answer_ToEachKind_IsCheckedAgainstTheQuestion()
    {
        // Arrange
        var consultation = Draft();
        var single = consultation.AddQuestion(QuestionKind.SingleChoice, "S?", ["A", "B"], required: false);
        var multiple = consultation.AddQuestion(QuestionKind.MultipleChoice, "M?", ["A", "B", "C"], required: false);
        var scale = consultation.AddQuestion(QuestionKind.Scale, "Sc?", ["1", "2", "3", "4", "5"], required: false);
        var text = consultation.AddQuestion(QuestionKind.FreeText, "T?", [], required: false);

        // Act
        var two = Should.Throw<ConsultationRuleException>(() => ConsultationAnswer.To(single, [0, 1], null));
        var outOfRange = Should.Throw<ConsultationRuleException>(() => ConsultationAnswer.To(scale, [5], null));
        var many = ConsultationAnswer.To(multiple, [2, 0, 2], null);
        var blank = ConsultationAnswer.To(text, [], "   ");
        var none = ConsultationAnswer.To(single, [], null);

        // Assert
        two.Message.ShouldContain("one option only");
        outOfRange.Message.ShouldContain("options offered");
        many!.Choices.ShouldBe([0, 2]);
        blank.ShouldBeNull();
        none.ShouldBeNull();
    }

    [Fact]
    public void Response_SubmittedThenSavedAsDraft_IsRefusedAndUnlinkRemovesTheMember()
    {
        // Arrange
        var response = ConsultationResponse.Start(Guid.NewGuid(), "member-1", Now);
        response.Submit([], named: false, "FR", "energy", Now);

        // Act
        var refusal = Should.Throw<ConsultationRuleException>(() => response.SaveDraft([], named: false, Now));
        response.Unlink();

        // Assert
        refusal.Message.ShouldContain("already submitted");
        response.MemberId.ShouldBeNull();
        response.IsSubmitted.ShouldBeTrue();
        (response.CountryCode, response.SectorCode).ShouldBe(("FR", "energy"));
    }
}

using System.Text.Json.Nodes;
using CecPortal.Testing;
using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Features.PersonalData;
using CecPortal.Web.Features.Privacy;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static CecPortal.IntegrationTests.Consultations.ConsultationTestKit;

namespace CecPortal.IntegrationTests.Consultations;

/// <summary>A member's answers in their own export, what erasure keeps and removes, and the retention of drafts.</summary>
public sealed class ConsultationPersonalDataTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Export_MemberWhoAnsweredAnAnonymousConsultation_ShowsThemTheirOwnAnswers()
    {
        // Arrange
        var member = await AddMemberAsync(portal, "Ezra Export", "DK", "energy");
        var id = await OpenAsync(portal, Details(title: "Exported answers", countries: ["DK"]));
        await AnswerAsync(portal, id, member.Id, choice: 2, text: "My own words for the export");

        // Act
        byte[]? bytes = null;
        await portal.WithServiceAsync<PersonalDataExport>(async export => bytes = await export.ExportJsonAsync(member.Id, Token));
        var json = JsonNode.Parse(bytes.ShouldNotBeNull())!;

        // Assert
        var set = json["consultationAnswerSets"]!.AsArray().ShouldHaveSingleItem()!;
        set["consultationId"]!.GetValue<Guid>().ShouldBe(id);
        set["mode"]!.GetValue<string>().ShouldBe(nameof(ConsultationMode.Anonymous));
        set["submitted"]!.GetValue<bool>().ShouldBeTrue();
        var answers = set["answers"]!.AsArray().Select(a => a!["answer"]!.GetValue<string>()).ToList();
        answers.ShouldContain("Only for significant incidents");
        answers.ShouldContain("My own words for the export");
        json["consultationEmails"]!["consultationEmail"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Erase_MemberWhoAnsweredAndDrafted_KeepsTheSubmittedAnswersUnlinkedAndUnnamedAndDeletesTheDraft()
    {
        // Arrange
        var member = await AddMemberAsync(portal, "Erik Erased", "NL", "water");
        var answered = await OpenAsync(portal, Details(title: "Answered before erasure", mode: ConsultationMode.Attributed, countries: ["NL"]));
        var drafted = await OpenAsync(portal, Details(title: "Drafted before erasure", countries: ["NL"]));
        await AnswerAsync(portal, answered, member.Id, choice: 1, text: "Kept in the results", named: true);
        var questions = await QuestionsAsync(portal, drafted);
        await portal.WithServiceAsync<ConsultationAnswering>(answering => answering.SaveAsync(drafted, member.Id, [new GivenAnswer(questions[0].Id, [0], null)], named: false, submit: false, Token));
        var adminId = await portal.UserIdAsync(PortalFactory.AdminEmail);

        // Act
        await portal.WithServiceAsync<AccountErasure>(erasure => erasure.EraseByAdminAsync(member.Id, "On request.", forCause: false, new Actor(adminId, PortalFactory.AdminEmail), Token));
        var kept = await portal.WithDbAsync(db => db.ConsultationResponses.AsNoTracking().Include(r => r.Answers).Where(r => r.ConsultationId == answered).ToListAsync(Token));
        var drafts = await portal.WithDbAsync(db => db.ConsultationResponses.CountAsync(r => r.ConsultationId == drafted, Token));
        ConsultationResultsInput.Input? input = null;
        await CloseAsync(portal, answered);
        await portal.WithServiceAsync<ConsultationResultsInput>(async loader => input = await loader.LoadAsync(answered, Token));

        // Assert
        var response = kept.ShouldHaveSingleItem();
        response.MemberId.ShouldBeNull();
        response.Named.ShouldBeFalse();
        response.IsSubmitted.ShouldBeTrue();
        response.Answers.ShouldContain(a => a.Text == "Kept in the results");
        drafts.ShouldBe(0);
        input.ShouldNotBeNull().Responses.ShouldHaveSingleItem().Country.ShouldBe("NL");
    }

    [Fact]
    public async Task Retention_DraftsOfAConsultationClosedLongAgo_AreDeletedAndSubmittedAnswersAndRecentDraftsStay()
    {
        // Arrange
        var drafter = await AddMemberAsync(portal, "Dora Old", "PT", "energy");
        var submitter = await AddMemberAsync(portal, "Sam Old", "PT", "energy");
        var old = await OpenAsync(portal, Details(title: "Closed long ago", countries: ["PT"]));
        var recent = await OpenAsync(portal, Details(title: "Closed yesterday", countries: ["PT"]));
        foreach (var id in new[] { old, recent })
        {
            var questions = await QuestionsAsync(portal, id);
            await portal.WithServiceAsync<ConsultationAnswering>(answering => answering.SaveAsync(id, drafter.Id, [new GivenAnswer(questions[0].Id, [0], null)], named: false, submit: false, Token));
            await AnswerAsync(portal, id, submitter.Id, choice: 1);
            await CloseAsync(portal, id);
        }

        await portal.WithDbAsync(db => db.Consultations.Where(c => c.Id == old).ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosedAt, DateTimeOffset.UtcNow.AddDays(-31)), Token));
        await portal.WithDbAsync(db => db.Consultations.Where(c => c.Id == recent).ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosedAt, DateTimeOffset.UtcNow.AddDays(-1)), Token));

        // Act
        var deleted = 0;
        await portal.WithServiceAsync<RetentionJobs>(async jobs => deleted = await jobs.DeleteConsultationDraftsAsync(Token));
        var left = await portal.WithDbAsync(db => db.ConsultationResponses.AsNoTracking()
            .Where(r => r.ConsultationId == old || r.ConsultationId == recent)
            .Select(r => new { r.ConsultationId, r.MemberId, Submitted = r.SubmittedAt != null })
            .ToListAsync(Token));

        // Assert
        deleted.ShouldBe(1);
        left.ShouldNotContain(r => r.ConsultationId == old && !r.Submitted);
        left.ShouldContain(r => r.ConsultationId == old && r.Submitted && r.MemberId == submitter.Id);
        left.ShouldContain(r => r.ConsultationId == recent && !r.Submitted && r.MemberId == drafter.Id);
    }

    [Fact]
    public void Inventory_ConsultationAnswers_SayThatErasureKeepsThemAnonymousAndGiveTheDraftPeriod()
    {
        // Arrange
        var retention = new RetentionOptions { ConsultationDrafts = TimeSpan.FromDays(45) };

        // Act
        var entry = DataInventory.For(retention).Single(e => e.Data == "Consultation answers");

        // Assert
        entry.RetainedFor.ShouldContain("45 days after the consultation closes");
        entry.RetainedFor.ShouldContain("without any link to you");
    }
}

using CecPortal.Testing;
using CecPortal.Web.Features.Consultations;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Consultations;

/// <summary>A portal started with <c>Demo:SeedConsultations</c> on, as a newcomer's development portal is.</summary>
public sealed class DemoConsultationsPortalFixture : PortalFixture
{
    protected override IReadOnlyDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?>
    {
        ["Demo:SeedConsultations"] = "true",
    };
}

public sealed class ConsultationDemoDataTests(DemoConsultationsPortalFixture portal) : IClassFixture<DemoConsultationsPortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_WithSeedConsultationsOn_SeedsAnOpenConsultationToAnswerAndAPublishedOne()
    {
        // Arrange
        using var member = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var consultations = await portal.WithDbAsync(db => db.Consultations.AsNoTracking().Include(c => c.Questions).ToListAsync(Token));
        var submitted = await portal.WithDbAsync(db => db.ConsultationResponses.Where(r => r.SubmittedAt != null).GroupBy(r => r.ConsultationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, Token));
        var home = await member.GetDocumentAsync("/");
        var open = consultations.Single(c => c.Title == ConsultationDemoData.OpenTitle);
        var published = consultations.Single(c => c.Title == ConsultationDemoData.PublishedTitle);
        var openPage = await member.GetDocumentAsync($"/consultations/{open.Id}");
        var publishedPage = await member.GetDocumentAsync($"/consultations/{published.Id}");

        // Assert
        open.Status.ShouldBe(ConsultationStatus.Open);
        open.Mode.ShouldBe(ConsultationMode.Anonymous);
        open.Questions.Select(q => q.Kind).ShouldBe([QuestionKind.SingleChoice, QuestionKind.Scale, QuestionKind.MultipleChoice, QuestionKind.FreeText], ignoreOrder: true);
        submitted[open.Id].ShouldBe(14);
        published.Status.ShouldBe(ConsultationStatus.Published);
        published.PublishedAt!.Value.ShouldBeLessThan(DateTimeOffset.UtcNow.AddDays(-29));
        published.InstitutionResponseMarkdown.ShouldNotBeNullOrWhiteSpace();
        submitted[published.Id].ShouldBe(16);
        home.QuerySelector("[data-testid=home-consultations]")!.TextContent.ShouldContain(ConsultationDemoData.OpenTitle);
        openPage.QuerySelector("[data-testid=submit]").ShouldNotBeNull("the main demo member has not answered yet");
        openPage.QuerySelector("[data-testid=peers-count]")!.TextContent.ShouldContain("14 members have answered so far");
        publishedPage.QuerySelector("[data-testid=position-paper]")!.TextContent.ShouldContain("heavy or very heavy");
        publishedPage.QuerySelector("[data-testid=institution-response]")!.TextContent.ShouldContain("single data model");
    }
}

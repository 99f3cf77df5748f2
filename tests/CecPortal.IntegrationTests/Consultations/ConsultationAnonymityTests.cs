using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Features.Consultations;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static CecPortal.IntegrationTests.Consultations.ConsultationTestKit;

namespace CecPortal.IntegrationTests.Consultations;

/// <summary>
/// Anonymous mode leaves no staff page, export or audit entry that joins a member to an answer; attributed mode shows
/// staff a name only with the answer sets whose member chose to be named.
/// </summary>
public sealed class ConsultationAnonymityTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string AnswerForm = "[data-testid=answer-form]";

    [Fact]
    public async Task StaffPagesAndAudit_AnonymousConsultationAnsweredByMembers_NeverNameARespondentOrShowTheirAnswers()
    {
        // Arrange: six members answer through the page, each with a free-text marker of their own.
        var members = new List<TestMember>();
        foreach (var (name, sector) in new[] { ("Anja Anonymous", "energy"), ("Bert Blind", "energy"), ("Cleo Cloak", "banking"), ("Dirk Disguise", "banking"), ("Emil Enigma", "health"), ("Fay Faceless", "transport") })
        {
            members.Add(await AddMemberAsync(portal, name, "BG", sector));
        }

        var id = await OpenAsync(portal, Details(title: "Anonymous thresholds", countries: ["BG"]));
        var memberAuditBefore = new Dictionary<string, int>();
        foreach (var member in members)
        {
            using var client = await portal.SignedInClientAsync(member.Email);
            memberAuditBefore[member.Id] = await AuditCountAsync(member.Id);
            using var answered = await PostFormAsync(client, $"/consultations/{id}", AnswerForm,
                [F("Input.Answers[0].Choice", "1"), F("Input.Answers[3].Text", Marker(member)), F("Input.Named", "true")]);
            answered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var memberAuditAfter = new Dictionary<string, int>();
        foreach (var member in members)
        {
            memberAuditAfter[member.Id] = await AuditCountAsync(member.Id);
        }

        await CloseAsync(portal, id);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        using var policy = await portal.SignedInClientAsync(PortalFactory.PolicyEmail);
        using var publish = await PostFormAsync(policy, $"/admin/consultations/{id}/publish", "[data-testid=publish-form]", [F("Input.PositionPaperMarkdown", "Our position.")]);

        // Act
        var pages = new List<string>();
        foreach (var client in new[] { admin, policy })
        {
            foreach (var path in new[] { "/admin/consultations", $"/admin/consultations/{id}", $"/admin/consultations/{id}/publish", $"/admin/consultations/{id}/edit", $"/admin/consultations/{id}/named", "/admin/audit" })
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Token);
                pages.Add($"{path} {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync(Token)}");
            }
        }

        var audit = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Subject == ConsultationAdministration.Subject(id)).ToListAsync(Token));
        var stored = await portal.WithDbAsync(db => db.ConsultationResponses.AsNoTracking().Where(r => r.ConsultationId == id).ToListAsync(Token));
        ConsultationResultsInput.Input? input = null;
        await portal.WithServiceAsync<ConsultationResultsInput>(async loader => input = await loader.LoadAsync(id, Token));

        // Assert
        publish.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        pages.ShouldContain(p => p.StartsWith($"/admin/consultations/{id}/named 404", StringComparison.Ordinal));
        foreach (var page in pages)
        {
            foreach (var member in members)
            {
                page.ShouldNotContain(Marker(member), Case.Insensitive);
            }
        }

        // The audit page lists the members' sign-ins (security events), never anything about their answers; every consultation page names no one.
        foreach (var page in pages.Where(p => !p.StartsWith("/admin/audit ", StringComparison.Ordinal)))
        {
            foreach (var member in members)
            {
                page.ShouldNotContain(member.FullName, Case.Insensitive);
                page.ShouldNotContain(member.Email, Case.Insensitive);
                page.ShouldNotContain(member.Id, Case.Insensitive);
            }

            foreach (var response in stored)
            {
                page.ShouldNotContain(response.Id.ToString(), Case.Insensitive);
            }
        }

        foreach (var entry in audit)
        {
            var text = string.Join('|', entry.ActorId, entry.ActorName, entry.Action, entry.Subject, entry.Note);
            members.ShouldAllBe(m => !text.Contains(m.Id, StringComparison.Ordinal) && !text.Contains(m.Email, StringComparison.OrdinalIgnoreCase) && !text.Contains(m.FullName, StringComparison.Ordinal));
        }

        members.ShouldAllBe(m => memberAuditAfter[m.Id] == memberAuditBefore[m.Id]);
        stored.Count.ShouldBe(6);
        stored.ShouldAllBe(r => !r.Named);
        input.ShouldNotBeNull();
        input.Responses.Count.ShouldBe(6);
        typeof(CecPortal.Web.Features.Consultations.Results.ResultResponse).GetProperties().Select(p => p.Name).ShouldBe(["Country", "Sector", "Answers"], ignoreOrder: true);
    }

    [Fact]
    public async Task NamedPage_AttributedConsultation_ShowsOnlyTheMembersWhoChoseToBeNamedAndIsAudited()
    {
        // Arrange
        var named = await AddMemberAsync(portal, "Nora Named", "MT", "energy");
        var unnamed = await AddMemberAsync(portal, "Uwe Unnamed", "MT", "energy");
        var id = await OpenAsync(portal, Details(title: "Named experts wanted", mode: ConsultationMode.Attributed, countries: ["MT"]));
        using (var client = await portal.SignedInClientAsync(named.Email))
        {
            var form = await client.GetDocumentAsync($"/consultations/{id}");
            form.QuerySelector("input[name='Input.Named'][type=checkbox]").ShouldNotBeNull();
            using var answered = await PostFormAsync(client, $"/consultations/{id}", AnswerForm, [F("Input.Answers[0].Choice", "0"), F("Input.Answers[3].Text", "Nora's view on thresholds"), F("Input.Named", "true")]);
            answered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var client = await portal.SignedInClientAsync(unnamed.Email))
        {
            using var answered = await PostFormAsync(client, $"/consultations/{id}", AnswerForm, [F("Input.Answers[0].Choice", "1"), F("Input.Answers[3].Text", "Uwe's private view"), F("Input.Named", "false")]);
            answered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var policy = await portal.SignedInClientAsync(PortalFactory.PolicyEmail);
        using var tooEarly = await policy.GetAsync(new Uri($"/admin/consultations/{id}/named", UriKind.Relative), Token);
        await CloseAsync(portal, id);

        // Act
        using var response = await policy.GetAsync(new Uri($"/admin/consultations/{id}/named", UriKind.Relative), Token);
        var html = await response.Content.ReadAsStringAsync(Token);
        var detailsPage = await policy.GetAsync(new Uri($"/admin/consultations/{id}", UriKind.Relative), Token);
        var detailsHtml = await detailsPage.Content.ReadAsStringAsync(Token);
        ConsultationResultsInput.Input? results = null;
        await portal.WithServiceAsync<ConsultationResultsInput>(async loader => results = await loader.LoadAsync(id, Token));

        // Assert
        tooEarly.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Nora Named");
        html.ShouldContain("Nora&#x27;s view on thresholds");
        html.ShouldNotContain("Uwe Unnamed");
        html.ShouldNotContain("Uwe");
        detailsHtml.ShouldNotContain("Nora Named");
        detailsHtml.ShouldNotContain("Uwe Unnamed");
        (await AuditActionsAsync(portal, id)).ShouldContain(ConsultationAdministration.NamedViewAction);
        results!.Responses.ShouldHaveSingleItem("the named answer set is read by name, not counted again where it could be subtracted")
            .Answers.Values.Select(a => a.Text).ShouldContain("Uwe's private view");
    }

    private static string Marker(TestMember member) => "marker-" + member.Id[..8];

    private Task<int> AuditCountAsync(string memberId) =>
        portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.ActorId == memberId, Token));
}

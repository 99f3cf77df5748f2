using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Features.Admin.Webinars;
using CecPortal.Web.Features.Webinars.Proposals;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static CecPortal.IntegrationTests.Webinars.WebinarAdminTestKit;

namespace CecPortal.IntegrationTests.Webinars;

/// <summary>Staff review the call for speakers: accept into a session or decline with a note; the member is emailed either way.</summary>
public sealed class TalkProposalReviewTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string AcceptForm = "form[data-testid=accept-form]";
    private const string DeclineForm = "form[data-testid=decline-form]";

    [Fact]
    public async Task Get_Proposals_ListsSubmittedProposalsWithPreferredMonths()
    {
        // Arrange
        var member = await AddMemberAsync(portal, "Listed Proposer");
        var proposal = await AddProposalAsync(portal, member.Id, "Listed talk", "Some abstract.");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        var page = await client.GetDocumentAsync("/admin/webinars/proposals");
        var review = await client.GetDocumentAsync($"/admin/webinars/proposals/{proposal.Id}");

        // Assert
        var row = page.QuerySelector($"[data-testid=submitted-proposals] tr[data-proposal='{proposal.Id}']")!;
        row.TextContent.ShouldContain("Listed Proposer");
        row.TextContent.ShouldContain("March 2027, April 2027");
        review.QuerySelector("[data-testid=proposal-abstract]")!.TextContent.Trim().ShouldBe("Some abstract.");
    }

    [Fact]
    public async Task Accept_IntoSessionWithoutAbstract_MakesTheMemberSpeakerCopiesTheTalkAndEmailsThem()
    {
        // Arrange
        var session = await AddSessionAsync(portal, "Planned from the series", daysAhead: 50);
        var member = await AddMemberAsync(portal, "Accepted Speaker");
        var proposal = await AddProposalAsync(portal, member.Id, "Deception technology that works", "We deployed **honeytokens** everywhere.");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var path = $"/admin/webinars/proposals/{proposal.Id}";

        // Act
        using var response = await SubmitAsync(client, path, AcceptForm, new Dictionary<string, string>
        {
            ["Accept.SessionId"] = session.Id.ToString(),
            ["Accept.Note"] = "Please send us your slides a week before.",
        });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(SessionPath(session.Id));
        var stored = await portal.WithDbAsync(db => db.TalkProposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id, Token));
        stored.Status.ShouldBe(ProposalStatus.Accepted);
        stored.SessionId.ShouldBe(session.Id);
        stored.DecidedById.ShouldBe(await portal.UserIdAsync(PortalFactory.EditorEmail));
        var speakers = await portal.WithDbAsync(db => db.WebinarSpeakers.AsNoTracking().Where(s => s.SessionId == session.Id).Select(s => s.MemberId).ToListAsync(Token));
        speakers.ShouldBe([member.Id]);
        var updated = await StoredSessionAsync(portal, session.Id);
        updated.Title.ShouldBe("Deception technology that works");
        updated.AbstractHtml.ShouldContain("<strong>honeytokens</strong>");
        (await AuditActionsAsync(portal, WebinarAdministration.ProposalSubject(proposal.Id))).ShouldBe([WebinarAdministration.AcceptProposalAction]);
        var email = await portal.Smtp.WaitForAsync(m => m.To.ToString().Contains(member.Email, StringComparison.OrdinalIgnoreCase));
        email.Subject.ShouldBe("Your webinar talk is accepted");
        email.TextBody!.ShouldContain("Deception technology that works");
        email.TextBody!.ShouldContain("Please send us your slides a week before.");
        email.TextBody!.ShouldContain("(Europe/Helsinki)", customMessage: "the session time in the member's zone (from their country, FI)");
    }

    [Fact]
    public async Task Accept_IntoSessionWithAnAbstract_KeepsTheSessionsOwnText()
    {
        // Arrange
        var session = await AddSessionAsync(portal, "Already described", daysAhead: 55);
        await portal.WithServiceAsync<WebinarSessionChanges>(changes =>
            changes.DescribeAsync(session.Id, session.Version, new SessionDetails("Already described", "The existing abstract.", TlpLabel.Amber, null, 50), Token));
        var member = await AddMemberAsync(portal, "Second Speaker");
        var proposal = await AddProposalAsync(portal, member.Id, "A talk that joins", "Its own abstract.");
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await SubmitAsync(client, $"/admin/webinars/proposals/{proposal.Id}", AcceptForm, new Dictionary<string, string>
        {
            ["Accept.SessionId"] = session.Id.ToString(),
        });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var updated = await StoredSessionAsync(portal, session.Id);
        updated.Title.ShouldBe("Already described");
        updated.AbstractMarkdown.ShouldBe("The existing abstract.");
        (await portal.WithDbAsync(db => db.WebinarSpeakers.AnyAsync(s => s.SessionId == session.Id && s.MemberId == member.Id, Token))).ShouldBeTrue();
    }

    [Fact]
    public async Task Accept_WithoutASession_ReshowsWithTheMessageAndTheTypedNote()
    {
        // Arrange
        await AddSessionAsync(portal, "Some upcoming session", daysAhead: 60);
        var member = await AddMemberAsync(portal, "Undecided Proposer");
        var proposal = await AddProposalAsync(portal, member.Id, "Needs a session", "Abstract.");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        using var response = await SubmitAsync(client, $"/admin/webinars/proposals/{proposal.Id}", AcceptForm, new Dictionary<string, string>
        {
            ["Accept.SessionId"] = "",
            ["Accept.Note"] = "My welcoming note.",
        });
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Message(page, "Accept.SessionId").ShouldBe("Choose the session the talk goes into.");
        Field(page, "Accept.Note").ShouldBe("My welcoming note.");
        (await portal.WithDbAsync(db => db.TalkProposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id, Token))).Status.ShouldBe(ProposalStatus.Submitted);
    }

    [Fact]
    public async Task Decline_WithoutANote_IsRefusedAndWithANote_DeclinesAndEmailsTheMember()
    {
        // Arrange
        var member = await AddMemberAsync(portal, "Declined Proposer");
        var proposal = await AddProposalAsync(portal, member.Id, "Vendor pitch in disguise", "Buy our product.");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var path = $"/admin/webinars/proposals/{proposal.Id}";

        // Act
        using var withoutNote = await SubmitAsync(client, path, DeclineForm, new Dictionary<string, string> { ["Decline.Note"] = "   " });
        var refusedPage = await withoutNote.ReadDocumentAsync();
        var afterRefusal = await portal.WithDbAsync(db => db.TalkProposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id, Token));
        using var withNote = await SubmitAsync(client, path, DeclineForm, new Dictionary<string, string> { ["Decline.Note"] = "Talks must not promote a product." });

        // Assert
        withoutNote.StatusCode.ShouldBe(HttpStatusCode.OK);
        Message(refusedPage, "Decline.Note").ShouldBe("Give the member a short note on why the talk is declined.");
        afterRefusal.Status.ShouldBe(ProposalStatus.Submitted);
        withNote.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await portal.WithDbAsync(db => db.TalkProposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id, Token));
        stored.Status.ShouldBe(ProposalStatus.Declined);
        stored.DecisionNote.ShouldBe("Talks must not promote a product.");
        (await AuditActionsAsync(portal, WebinarAdministration.ProposalSubject(proposal.Id))).ShouldBe([WebinarAdministration.DeclineProposalAction]);
        var email = await portal.Smtp.WaitForAsync(m => m.To.ToString().Contains(member.Email, StringComparison.OrdinalIgnoreCase));
        email.Subject.ShouldBe("About your webinar talk proposal");
        email.TextBody!.ShouldContain("Vendor pitch in disguise");
        email.TextBody!.ShouldContain("Their note: Talks must not promote a product.");
    }

    [Fact]
    public async Task Accept_AfterAColleagueDeclinedIt_SaysSoAndChangesNothing()
    {
        // Arrange
        var session = await AddSessionAsync(portal, "Session for a late decision", daysAhead: 65);
        var member = await AddMemberAsync(portal, "Late Decision");
        var proposal = await AddProposalAsync(portal, member.Id, "Decided twice", "Abstract.");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var path = $"/admin/webinars/proposals/{proposal.Id}";
        var (action, fields) = await ReadFormAsync(client, path, AcceptForm);
        var adminId = await portal.UserIdAsync(PortalFactory.AdminEmail);
        await portal.WithServiceAsync<WebinarAdministration>(administration =>
            administration.DeclineProposalAsync(proposal.Id, "Declined by a colleague.", new Actor(adminId, PortalFactory.AdminEmail), Token));
        fields["Accept.SessionId"] = session.Id.ToString();

        // Act
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(new Uri(action, UriKind.Relative), content, Token);
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=decision-error]")!.TextContent.ShouldStartWith("Someone decided on this proposal meanwhile: it is declined.");
        var stored = await portal.WithDbAsync(db => db.TalkProposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id, Token));
        stored.Status.ShouldBe(ProposalStatus.Declined);
        stored.SessionId.ShouldBeNull();
        (await portal.WithDbAsync(db => db.WebinarSpeakers.AnyAsync(s => s.SessionId == session.Id, Token))).ShouldBeFalse();
    }
}

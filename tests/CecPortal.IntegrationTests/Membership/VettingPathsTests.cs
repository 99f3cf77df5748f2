using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Features.Membership;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;
using CecPortal.Web.Features.Membership.Vetting;
using Shouldly;
using static CecPortal.IntegrationTests.Membership.MembershipFlowTests;
using static CecPortal.IntegrationTests.Membership.MembershipTestKit;

namespace CecPortal.IntegrationTests.Membership;

/// <summary>The vetting paths besides the happy one: decline, a question to the applicant, withdrawal and re-opening.</summary>
public sealed class VettingPathsTests(GenerousRateLimitPortalFixture portal) : IClassFixture<GenerousRateLimitPortalFixture>
{
    private const string InternalNote = "Internal: the employer's switchboard had never heard of this person.";

    [Fact]
    public async Task Decline_WithReasonAndNote_DeclinesAndSendsCourteousEmailWithoutTheNote()
    {
        // Arrange
        const string email = "decline.path@decline-demo.eu";
        await EnsureScopesAsync(portal);
        var (id, statusLink) = await ApplyAndVerifyAsync(portal, Form(email));
        using var vetter = await portal.SignedInClientAsync(CountryVetterEmail);

        // Act
        using var declined = await vetter.SubmitFormAsync($"/admin/vetting/{id}?handler=Decline", new Dictionary<string, string>
        {
            ["Input.Note"] = InternalNote,
            ["Input.Reason"] = nameof(DeclineReason.NotSecurityLeadershipRole),
        });

        // Assert
        declined.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var application = await LoadAsync(portal, id);
        application.Status.ShouldBe(ApplicationStatus.Declined);
        application.DeclineReason.ShouldBe(DeclineReason.NotSecurityLeadershipRole);
        application.Reviews.ShouldHaveSingleItem().Verdict.ShouldBe(ReviewVerdict.Decline);

        var message = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == "Your application to the CISOs European Community");
        message.TextBody!.ShouldContain(DeclineReason.NotSecurityLeadershipRole.Describe());
        message.TextBody!.ShouldContain("Thank you for your interest");
        message.TextBody!.ShouldNotContain("switchboard");
        message.HtmlBody!.ShouldNotContain("switchboard");

        using var applicant = portal.CreateClient();
        var status = await applicant.GetDocumentAsync(statusLink);
        status.QuerySelector("[data-testid=application-status]")!.TextContent.ShouldBe("Declined");
        status.QuerySelector("[data-testid=applicant-timeline]")!.TextContent.ShouldContain(DeclineReason.NotSecurityLeadershipRole.Describe());
        status.DocumentElement.OuterHtml.ShouldNotContain("switchboard");
        status.QuerySelector("[data-testid=withdraw]").ShouldBeNull();
    }

    [Fact]
    public async Task Answer_EmptyOrWithControlCharacters_ReshowsQuestionWithMessageAndStaysWaiting()
    {
        // Arrange
        const string email = "empty.answer@question-demo.eu";
        await EnsureScopesAsync(portal);
        var (id, _) = await ApplyAndVerifyAsync(portal, Form(email));
        using var countryVetter = await portal.SignedInClientAsync(CountryVetterEmail);
        using var asked = await countryVetter.SubmitFormAsync($"/admin/vetting/{id}?handler=RequestInformation", new Dictionary<string, string> { ["Input.Note"] = "Who do you report to?" });
        var message = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == "The vetting team has a question about your application");
        var statusLink = Link(message, "/apply/status/");
        using var applicant = portal.CreateClient();

        // Act
        using var empty = await applicant.SubmitFormAsync(statusLink, new Dictionary<string, string> { ["Answer"] = "   " });
        using var control = await applicant.SubmitFormAsync(statusLink, new Dictionary<string, string> { ["Answer"] = "bell\u0007" });

        // Assert
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await empty.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Answer']")!.TextContent.ShouldBe("Write your answer before sending it.");
        control.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await control.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Answer']")!.TextContent.ShouldContain("characters that cannot be used");
        (await LoadAsync(portal, id)).Status.ShouldBe(ApplicationStatus.InformationRequested);
    }

    [Fact]
    public async Task RequestInformation_ApplicantAnswersAndTwoVettersApprove_Approved()
    {
        // Arrange
        const string email = "question.path@question-demo.eu";
        const string question = "Which board committee do you report to?";
        await EnsureScopesAsync(portal);
        var (id, _) = await ApplyAndVerifyAsync(portal, Form(email));
        using var countryVetter = await portal.SignedInClientAsync(CountryVetterEmail);
        using var sectorVetter = await portal.SignedInClientAsync(SectorVetterEmail);

        // Act: the vetter asks
        using var asked = await countryVetter.SubmitFormAsync($"/admin/vetting/{id}?handler=RequestInformation", new Dictionary<string, string> { ["Input.Note"] = question });

        // Assert: the applicant is asked by email and on the status page
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LoadAsync(portal, id)).Status.ShouldBe(ApplicationStatus.InformationRequested);
        var message = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == "The vetting team has a question about your application");
        message.TextBody!.ShouldContain(question);
        var statusLink = Link(message, "/apply/status/");
        using var applicant = portal.CreateClient();
        var status = await applicant.GetDocumentAsync(statusLink);
        status.QuerySelector("[data-testid=open-question]")!.TextContent.ShouldBe(question);

        // Act: the applicant answers
        using var answered = await applicant.SubmitFormAsync(statusLink, new Dictionary<string, string> { ["Answer"] = "The audit and risk committee, quarterly." });

        // Assert: back in review and in the queue
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var afterAnswer = await LoadAsync(portal, id);
        afterAnswer.Status.ShouldBe(ApplicationStatus.InReview);
        afterAnswer.Events.ShouldContain(e => e.Kind == ApplicationEventKind.InformationProvided && e.Note == "The audit and risk committee, quarterly.");
        (await applicant.GetDocumentAsync(statusLink)).QuerySelector("[data-testid=application-status]")!.TextContent.ShouldBe("In review");
        var queue = await countryVetter.GetDocumentAsync("/admin/vetting");
        queue.QuerySelector($"a[href='/admin/vetting/{id}']").ShouldNotBeNull();

        // Act: four eyes
        using var first = await countryVetter.SubmitFormAsync($"/admin/vetting/{id}?handler=Approve", new Dictionary<string, string> { ["Input.Note"] = "Answer fits." });
        using var second = await sectorVetter.SubmitFormAsync($"/admin/vetting/{id}?handler=Approve", new Dictionary<string, string> { ["Input.Note"] = "Energy confirmed." });

        // Assert
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LoadAsync(portal, id)).Status.ShouldBe(ApplicationStatus.Approved);
    }

    [Fact]
    public async Task Approve_SameVetterTwice_CountsOnceAndShowsError()
    {
        // Arrange
        await EnsureScopesAsync(portal);
        var (id, _) = await ApplyAndVerifyAsync(portal, Form("twice.path@twice-demo.eu"));
        using var vetter = await portal.SignedInClientAsync(CountryVetterEmail);
        using var first = await vetter.SubmitFormAsync($"/admin/vetting/{id}?handler=Approve", new Dictionary<string, string> { ["Input.Note"] = "First look." });
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Act: the page no longer offers the form, so post the way a second tab or a replay would
        using var second = await vetter.PostAsync($"/admin/vetting/{id}?handler=Approve", new Dictionary<string, string> { ["Input.Note"] = "Second look." });

        // Assert
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await second.ReadDocumentAsync();
        page.QuerySelector("[data-testid=action-errors]")!.TextContent.ShouldContain("You have already reviewed this application");
        page.QuerySelector("[data-testid=application-status]")!.TextContent.ShouldBe("In review");
        var application = await LoadAsync(portal, id);
        application.Status.ShouldBe(ApplicationStatus.InReview);
        application.Reviews.ShouldHaveSingleItem().Note.ShouldBe("First look.");
    }

    [Fact]
    public async Task Withdraw_FromStatusPage_Withdrawn()
    {
        // Arrange
        await EnsureScopesAsync(portal);
        var (id, statusLink) = await ApplyAndVerifyAsync(portal, Form("withdraw.path@withdraw-demo.eu"));
        using var applicant = portal.CreateClient();

        // Act
        using var withdrawn = await applicant.SubmitFormAsync(statusLink, new Dictionary<string, string>());

        // Assert
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LoadAsync(portal, id)).Status.ShouldBe(ApplicationStatus.Withdrawn);
        var status = await applicant.GetDocumentAsync(statusLink);
        status.QuerySelector("[data-testid=application-status]")!.TextContent.ShouldBe("Withdrawn");
        status.QuerySelector("[data-testid=withdraw]").ShouldBeNull();
        using var vetter = await portal.SignedInClientAsync(CountryVetterEmail);
        (await vetter.GetDocumentAsync("/admin/vetting")).QuerySelector($"a[href='/admin/vetting/{id}']").ShouldBeNull();
    }

    [Fact]
    public async Task Reopen_DeclinedApplicationAsAdmin_InReviewInRoundTwo()
    {
        // Arrange
        await EnsureScopesAsync(portal);
        var (id, statusLink) = await ApplyAndVerifyAsync(portal, Form("reopen.path@reopen-demo.eu"));
        using var vetter = await portal.SignedInClientAsync(CountryVetterEmail);
        using var declined = await vetter.SubmitFormAsync($"/admin/vetting/{id}?handler=Decline", new Dictionary<string, string>
        {
            ["Input.Note"] = InternalNote,
            ["Input.Reason"] = nameof(DeclineReason.IdentityNotVerifiable),
        });
        declined.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var reopened = await admin.SubmitFormAsync($"/admin/vetting/{id}?handler=Reopen", new Dictionary<string, string> { ["Input.Note"] = "Employer confirmed the role by phone." });

        // Assert
        reopened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var application = await LoadAsync(portal, id);
        application.Status.ShouldBe(ApplicationStatus.InReview);
        application.Round.ShouldBe(2);
        application.DeclineReason.ShouldBeNull();
        var page = await admin.GetDocumentAsync($"/admin/vetting/{id}");
        page.QuerySelector("[data-testid=application-status]")!.TextContent.ShouldBe("In review");
        var timeline = page.QuerySelector("[data-testid=timeline]")!.TextContent;
        timeline.ShouldContain("Re-opened");
        timeline.ShouldContain("by Alex Admin");
        timeline.ShouldContain("Employer confirmed the role by phone.");
        page.QuerySelectorAll("[data-testid=reviews] li").ShouldBeEmpty();
        using var applicant = portal.CreateClient();
        (await applicant.GetDocumentAsync(statusLink)).QuerySelector("[data-testid=application-status]")!.TextContent.ShouldBe("In review");
    }

    [Fact]
    public async Task Reopen_DeclinedApplicationAsVetter_RefusedAndStillDeclined()
    {
        // Arrange
        await EnsureScopesAsync(portal);
        var (id, _) = await ApplyAndVerifyAsync(portal, Form("reopen.vetter@reopen-vetter-demo.eu"));
        using var vetter = await portal.SignedInClientAsync(CountryVetterEmail);
        using var declined = await vetter.SubmitFormAsync($"/admin/vetting/{id}?handler=Decline", new Dictionary<string, string>
        {
            ["Input.Note"] = InternalNote,
            ["Input.Reason"] = nameof(DeclineReason.IdentityNotVerifiable),
        });
        declined.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await vetter.GetDocumentAsync($"/admin/vetting/{id}");
        page.QuerySelector("form[action*='handler=Reopen']").ShouldBeNull();

        // Act
        using var reopened = await vetter.PostAsync($"/admin/vetting/{id}?handler=Reopen", new Dictionary<string, string> { ["Input.Note"] = "I changed my mind." });

        // Assert
        reopened.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reopened.ReadDocumentAsync()).QuerySelector("[data-testid=action-errors]")!.TextContent.ShouldContain("Only an Admin can re-open an application.");
        var application = await LoadAsync(portal, id);
        application.Status.ShouldBe(ApplicationStatus.Declined);
        application.Round.ShouldBe(1);
        application.Events.ShouldNotContain(e => e.Kind == ApplicationEventKind.Reopened);
    }

    [Theory]
    [InlineData("", "Could not reach the employer.")]
    [InlineData(nameof(DeclineReason.IdentityNotVerifiable), "")]
    [InlineData("", "")]
    public async Task Decline_WithoutReasonOrNote_ShowsErrorAndChangesNothing(string reason, string note)
    {
        // Arrange
        await EnsureScopesAsync(portal);
        var email = $"decline.incomplete.{reason.Length}.{note.Length}@incomplete-demo.eu";
        var (id, _) = await ApplyAndVerifyAsync(portal, Form(email));
        using var vetter = await portal.SignedInClientAsync(CountryVetterEmail);

        // Act
        using var response = await vetter.SubmitFormAsync($"/admin/vetting/{id}?handler=Decline", new Dictionary<string, string>
        {
            ["Input.Note"] = note,
            ["Input.Reason"] = reason,
        });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.QuerySelector("[data-testid=action-errors]")!.TextContent.ShouldContain("A decline needs a reason category and a note for the record.");
        page.QuerySelector("[data-testid=actions]").ShouldNotBeNull();
        var application = await LoadAsync(portal, id);
        application.Status.ShouldBe(ApplicationStatus.Submitted);
        application.Reviews.ShouldBeEmpty();
        application.Events.ShouldNotContain(e => e.Kind == ApplicationEventKind.ReviewedDecline || e.Kind == ApplicationEventKind.Declined);
        portal.Smtp.Messages.ShouldNotContain(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == "Your application to the CISOs European Community");
    }
}

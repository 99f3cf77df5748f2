using System.Net;
using AngleSharp.Html.Dom;
using CecPortal.Testing;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static CecPortal.IntegrationTests.Membership.MembershipFlowTests;
using static CecPortal.IntegrationTests.Membership.MembershipTestKit;

namespace CecPortal.IntegrationTests.Membership;

/// <summary>The public form and the links in the applicant's and the sponsor's emails.</summary>
public sealed class ApplyFormTests(GenerousRateLimitPortalFixture portal) : IClassFixture<GenerousRateLimitPortalFixture>
{
    [Fact]
    public async Task Post_InvalidFields_ReshowsEverythingTypedWithAMessagePerField()
    {
        // Arrange
        using var client = portal.CreateClient();
        var form = Form("typed.values@typed-demo.eu", "DE", "banking");
        form["Input.WorkEmail"] = "not-an-email";
        form["Input.JobTitle"] = string.Empty;
        form["Input.Motivation"] = "Too short.";
        form["Input.LinkedInUrl"] = "https://example.eu/me";

        // Act
        using var response = await client.SubmitFormAsync("/apply", form);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Value(page, "Input.FullName").ShouldBe("Camille Laurent");
        Value(page, "Input.WorkEmail").ShouldBe("not-an-email");
        Value(page, "Input.Organisation").ShouldBe("Réseau Électrique Demo");
        Value(page, "Input.OrganisationWebsite").ShouldBe("https://www.typed-demo.eu");
        Value(page, "Input.LinkedInUrl").ShouldBe("https://example.eu/me");
        page.QuerySelector("textarea[name='Input.Motivation']")!.TextContent.Trim().ShouldBe("Too short.");
        Selected(page, "Input.CountryCode").ShouldBe("DE");
        Selected(page, "Input.SectorCode").ShouldBe("banking");
        Selected(page, "Input.OrganisationSize").ShouldBe("3");
        ((IHtmlInputElement)page.QuerySelector("input[type=checkbox][name='Input.Consent']")!).IsChecked.ShouldBeTrue();
        Message(page, "Input.WorkEmail").ShouldBe("Enter a valid email address, such as name@organisation.eu.");
        Message(page, "Input.JobTitle").ShouldBe("Enter your job title.");
        Message(page, "Input.Motivation").ShouldBe("Please write between 30 and 2000 characters about why you want to join.");
        Message(page, "Input.LinkedInUrl").ShouldBe("Enter the address of your LinkedIn profile, such as https://www.linkedin.com/in/your-name.");
        Message(page, "Input.FullName").ShouldBeEmpty();
        page.QuerySelectorAll("[data-testid=apply-errors] li").Length.ShouldBe(4);
        (await portal.WithDbAsync(db => db.MembershipApplications.AnyAsync(a => a.WorkEmail == "not-an-email"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Post_InvalidFields_SummaryLinksToEachFieldAndEachFieldNamesItsMessage()
    {
        // Arrange
        using var client = portal.CreateClient();
        var form = Form("linked.errors@typed-demo.eu", "DE", "banking");
        form["Input.WorkEmail"] = "not-an-email";
        form["Input.JobTitle"] = string.Empty;

        // Act
        using var response = await client.SubmitFormAsync("/apply", form);

        // Assert: the summary is an alert to focus, its entries link to the fields, which are invalid and described by the message
        var page = await response.ReadDocumentAsync();
        var summary = page.QuerySelector("[data-testid=apply-errors]")!;
        summary.GetAttribute("role").ShouldBe("alert");
        summary.GetAttribute("tabindex").ShouldBe("-1");
        summary.HasAttribute("data-error-summary").ShouldBeTrue();
        summary.QuerySelectorAll("a").Select(a => (a.GetAttribute("href"), a.TextContent)).ShouldBe(
            [("#Input_WorkEmail", "Enter a valid email address, such as name@organisation.eu."), ("#Input_JobTitle", "Enter your job title.")],
            ignoreOrder: true);
        foreach (var id in new[] { "Input_WorkEmail", "Input_JobTitle" })
        {
            var field = page.GetElementById(id)!;
            field.GetAttribute("aria-invalid").ShouldBe("true");
            field.GetAttribute("aria-describedby").ShouldBe($"{id}-error-message");
            page.GetElementById($"{id}-error-message")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        }

        var valid = page.GetElementById("Input_FullName")!;
        valid.HasAttribute("aria-invalid").ShouldBeFalse();
        valid.HasAttribute("aria-describedby").ShouldBeFalse();
        page.GetElementById("Input_SponsorEmail")!.GetAttribute("aria-describedby").ShouldBe("sponsor-help");
    }

    [Theory]
    [InlineData("Input.CountryCode", "ZZ", "Input.CountryCode", "Choose a country from the list.")]
    [InlineData("Input.SectorCode", "nuclear-fusion", "Input.SectorCode", "Choose a sector from the list.")]
    [InlineData("Input.SectorCode", "other", "Input.SectorDescription", "Describe your organisation's sector in a few words (for example: insurance, retail).")]
    [InlineData("Input.Consent", "false", "Input.Consent", "Please agree to the privacy notice to apply.")]
    [InlineData("Input.OrganisationSize", "99", "Input.OrganisationSize", "The value '99' is invalid.")]
    [InlineData("Input.SponsorEmail", "a colleague", "Input.SponsorEmail", "Enter your sponsor's email address, or leave it empty.")]
    public async Task Post_InvalidChoice_ShowsMessageAndStoresNothing(string field, string value, string messageField, string message)
    {
        // Arrange
        using var client = portal.CreateClient();
        var email = $"choice.{field[6..].ToLowerInvariant()}.{value.Length}@choice-demo.eu";
        var form = Form(email);
        form[field] = value;

        // Act
        using var response = await client.SubmitFormAsync("/apply", form);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Message(await response.ReadDocumentAsync(), messageField).ShouldBe(message);
        (await portal.WithDbAsync(db => db.MembershipApplications.AnyAsync(a => a.WorkEmail == email))).ShouldBeFalse();
    }

    [Fact]
    public async Task Post_ConsentMissing_ShowsMessage()
    {
        // Arrange: the browser sends only the hidden "false" when the box is not ticked
        using var client = portal.CreateClient();
        var form = Form("consent.missing@consent-demo.eu");
        form.Remove("Input.Consent");

        // Act
        using var response = await client.SubmitFormAsync("/apply", form);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Message(await response.ReadDocumentAsync(), "Input.Consent").ShouldBe("Please agree to the privacy notice to apply.");
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Post_ConsentNotABoolean_ReshowsFormWithMessage(string value)
    {
        // Arrange: only a hand-made post sends such a value
        using var client = portal.CreateClient();
        var form = Form($"consent.tampered.{value.Length}@consent-demo.eu");
        form["Input.Consent"] = value;

        // Act
        using var response = await client.SubmitFormAsync("/apply", form);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Message(page, "Input.Consent").ShouldStartWith($"The value '{value}' is not valid");
        ((IHtmlInputElement)page.QuerySelector("input[type=checkbox][name='Input.Consent']")!).IsChecked.ShouldBeFalse();
        Value(page, "Input.FullName").ShouldBe("Camille Laurent");
    }

    [Theory]
    [InlineData("Input.FullName", "Your name can have at most 200 characters.")]
    [InlineData("Input.WorkEmail", "An email address has at most 254 characters.")]
    [InlineData("Input.JobTitle", "The job title can have at most 150 characters.")]
    [InlineData("Input.Organisation", "The organisation can have at most 200 characters.")]
    [InlineData("Input.OrganisationWebsite", "The website address can have at most 300 characters.")]
    [InlineData("Input.SectorDescription", "The sector description can have at most 200 characters.")]
    [InlineData("Input.LinkedInUrl", "The LinkedIn address can have at most 300 characters.")]
    [InlineData("Input.Motivation", "Please write between 30 and 2000 characters about why you want to join.")]
    [InlineData("Input.SponsorEmail", "An email address has at most 254 characters.")]
    public async Task Post_FieldTooLong_ShowsMessageNeverServerError(string field, string message)
    {
        // Arrange: 10,000 characters shaped like the field's content
        using var client = portal.CreateClient();
        var form = Form($"too.long.{field[6..].ToLowerInvariant()}@long-demo.eu");
        var filler = new string('a', 10_000);
        form[field] = field switch
        {
            "Input.WorkEmail" or "Input.SponsorEmail" => filler + "@long-demo.eu",
            "Input.OrganisationWebsite" => "https://www.long-demo.eu/" + filler,
            "Input.LinkedInUrl" => "https://www.linkedin.com/in/" + filler,
            _ => filler,
        };

        // Act
        using var response = await client.SubmitFormAsync("/apply", form);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        Message(page, field).ShouldBe(message);
        page.QuerySelector("[data-testid=apply-form]").ShouldNotBeNull();
    }

    [Fact]
    public async Task PostAndVerify_EveryFieldAtItsMaximumLength_AcceptedAndVerified()
    {
        // Arrange: long, different email and website domains make the longest pre-check explanations
        using var client = portal.CreateClient();
        var emailDomain = string.Join('.', Enumerable.Range(0, 4).Select(i => new string((char)('a' + i), 60))) + ".eu";
        var websiteHost = string.Join('.', Enumerable.Range(0, 4).Select(i => new string((char)('k' + i), 60))) + ".eu";
        var email = new string('m', ApplicationLimits.Email - emailDomain.Length - 1) + "@" + emailDomain;
        var form = new Dictionary<string, string>
        {
            ["Input.FullName"] = new string('N', ApplicationLimits.Name),
            ["Input.WorkEmail"] = email,
            ["Input.JobTitle"] = "Chief Information Security Officer " + new string('j', ApplicationLimits.Title - 35),
            ["Input.Organisation"] = new string('O', ApplicationLimits.Organisation),
            ["Input.OrganisationWebsite"] = Pad("https://" + websiteHost + "/", ApplicationLimits.Url),
            ["Input.CountryCode"] = "FR",
            ["Input.SectorCode"] = "other",
            ["Input.SectorDescription"] = new string('s', ApplicationLimits.SectorDescription),
            ["Input.OrganisationSize"] = "5",
            ["Input.LinkedInUrl"] = Pad("https://www.linkedin.com/in/", ApplicationLimits.Url),
            ["Input.Motivation"] = new string('w', ApplicationLimits.Motivation),
            ["Input.SponsorEmail"] = new string('p', ApplicationLimits.Email - emailDomain.Length - 1) + "@" + emailDomain,
            ["Input.Consent"] = "true",
        };
        email.Length.ShouldBe(ApplicationLimits.Email);

        // Act
        var (id, confirmation) = await SubmitAsync(portal, form);
        using var verify = await client.GetAsync(new Uri(Link(confirmation, "/apply/verify/"), UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        verify.StatusCode.ShouldBe(HttpStatusCode.OK);
        var application = await LoadAsync(portal, id);
        application.Status.ShouldBe(ApplicationStatus.Submitted);
        application.FullName.Length.ShouldBe(ApplicationLimits.Name);
        application.Motivation.Length.ShouldBe(ApplicationLimits.Motivation);
        application.Flags.Select(f => f.Kind).ShouldContain(FlagKind.EmailDomainMismatch);
        application.Flags.Select(f => f.Kind).ShouldContain(FlagKind.SponsorNotActiveMember);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var page = await admin.GetDocumentAsync($"/admin/vetting/{id}");
        page.QuerySelector("[data-testid=flags]")!.TextContent.ShouldContain("Email domain mismatch");
    }

    [Theory]
    [InlineData("?t=not-the-token")]
    [InlineData("")]
    [InlineData("?t=")]
    public async Task Verify_WrongOrMissingToken_BadRequestAndStillUnverified(string query)
    {
        // Arrange
        var (id, _) = await SubmitAsync(portal, Form($"wrong.verify.{query.Length}@verify-demo.eu"));
        using var client = portal.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri($"/apply/verify/{id}{query}", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.ReadDocumentAsync();
        page.QuerySelector("main .alert-danger")!.TextContent.ShouldBe("This verification link is not valid.");
        page.QuerySelector("[data-testid=verified]").ShouldBeNull();
        var application = await LoadAsync(portal, id);
        application.Status.ShouldBe(ApplicationStatus.Unverified);
        application.VerifiedAt.ShouldBeNull();
        application.Flags.ShouldBeEmpty();
    }

    [Fact]
    public async Task Verify_UnknownApplication_BadRequest()
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri($"/apply/verify/{Guid.NewGuid()}?t=abc", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadDocumentAsync()).QuerySelector("main .alert-danger")!.TextContent.ShouldBe("This verification link is not valid.");
    }

    [Fact]
    public async Task GetStatus_WrongMissingOrOtherApplicationsToken_NotFound()
    {
        // Arrange
        var (id, confirmation) = await SubmitAsync(portal, Form("status.token@status-demo.eu"));
        var (otherId, _) = await SubmitAsync(portal, Form("status.other@status-other-demo.eu"));
        var statusLink = Link(confirmation, "/apply/status/");
        var token = statusLink[(statusLink.IndexOf("?t=", StringComparison.Ordinal) + 3)..];
        using var client = portal.CreateClient();

        // Act
        using var missing = await client.GetAsync(new Uri($"/apply/status/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var wrong = await client.GetAsync(new Uri($"/apply/status/{id}?t=CfDJ8-not-a-token", UriKind.Relative), TestContext.Current.CancellationToken);
        using var otherApplication = await client.GetAsync(new Uri($"/apply/status/{otherId}?t={token}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var valid = await client.GetAsync(new Uri(statusLink, UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        wrong.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        otherApplication.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherApplication.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain("status.other@status-other-demo.eu");
        valid.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("flags.free@gmail.com", "FR", "", FlagKind.FreeMailAddress, "Free-mail address")]
    [InlineData("flags.abroad@flags-abroad-demo.com", "US", "", FlagKind.CountryNotEligible, "Country not eligible")]
    [InlineData("flags.sponsor@flags-sponsor-demo.eu", "FR", "nobody@not-a-member-demo.eu", FlagKind.SponsorNotActiveMember, "Sponsor not a member")]
    public async Task Verify_PreCheckApplies_FlagStoredAndShownToVetter(string email, string country, string sponsor, FlagKind expected, string label)
    {
        // Arrange
        var (id, confirmation) = await SubmitAsync(portal, Form(email, country, sponsor: sponsor));
        (await LoadAsync(portal, id)).Flags.ShouldBeEmpty();
        using var client = portal.CreateClient();

        // Act
        (await client.GetDocumentAsync(Link(confirmation, "/apply/verify/"))).QuerySelector("[data-testid=verified]").ShouldNotBeNull();

        // Assert
        var flag = (await LoadAsync(portal, id)).Flags.ShouldHaveSingleItem();
        flag.Kind.ShouldBe(expected);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var page = await admin.GetDocumentAsync($"/admin/vetting/{id}");
        var shown = page.QuerySelector("[data-testid=flags]")!.TextContent;
        shown.ShouldContain(label);
        shown.ShouldContain(flag.Explanation);
        var queue = await admin.GetDocumentAsync($"/admin/vetting?flag={expected}");
        queue.QuerySelector($"a[href='/admin/vetting/{id}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Verify_CleanApplication_NoFlags()
    {
        // Arrange
        var (id, _) = await ApplyAndVerifyAsync(portal, Form("clean.flags@clean-demo.eu"));
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var page = await admin.GetDocumentAsync($"/admin/vetting/{id}");

        // Assert
        (await LoadAsync(portal, id)).Flags.ShouldBeEmpty();
        page.QuerySelector("[data-testid=no-flags]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Endorse_SponsorFollowsEmailLink_VetterSeesEndorsement()
    {
        // Arrange: the applicant names an active member
        var (id, _) = await ApplyAndVerifyAsync(portal, Form("sponsored.applicant@sponsored-demo.eu", sponsor: PortalFactory.MemberEmail));
        var invitation = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == PortalFactory.MemberEmail) && m.TextBody!.Contains($"/apply/sponsor/{id}", StringComparison.Ordinal));
        invitation.Subject.ShouldBe("Camille Laurent named you as sponsor");
        var sponsorLink = Link(invitation, $"/apply/sponsor/{id}");
        using var sponsor = portal.CreateClient();

        // Act: opening the link (as a mail scanner would) answers nothing
        var question = await sponsor.GetDocumentAsync(sponsorLink);
        await sponsor.GetDocumentAsync(sponsorLink);

        // Assert
        question.QuerySelector("[data-testid=endorse]").ShouldNotBeNull();
        var unanswered = await LoadAsync(portal, id);
        unanswered.SponsorResponse.ShouldBe(SponsorResponse.Pending);
        unanswered.Events.ShouldNotContain(e => e.Kind == ApplicationEventKind.SponsorEndorsed || e.Kind == ApplicationEventKind.SponsorDeclined);
        unanswered.Flags.ShouldNotContain(f => f.Kind == FlagKind.SponsorNotActiveMember);

        // Act: the button
        using var endorsed = await sponsor.SubmitFormAsync(sponsorLink, new Dictionary<string, string>());

        // Assert
        endorsed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var application = await LoadAsync(portal, id);
        application.SponsorResponse.ShouldBe(SponsorResponse.Endorsed);
        application.Events.ShouldContain(e => e.Kind == ApplicationEventKind.SponsorEndorsed && e.Actor == "Marie Dubois");
        (await sponsor.GetDocumentAsync(sponsorLink)).QuerySelector("[data-testid=sponsor-answered]")!.TextContent.ShouldContain("endorsed");
        using var vetter = await portal.SignedInClientAsync(SectorVetterEmail);
        await EnsureScopesAsync(portal);
        var page = await vetter.GetDocumentAsync($"/admin/vetting/{id}");
        page.QuerySelector("main")!.TextContent.ShouldContain($"{PortalFactory.MemberEmail} (endorsed)");
        page.QuerySelector("[data-testid=timeline]")!.TextContent.ShouldContain("Sponsor endorsed the application");
        var queue = await vetter.GetDocumentAsync("/admin/vetting");
        queue.QuerySelector($"a[href='/admin/vetting/{id}']")!.Closest("tr")!.TextContent.ShouldContain("endorsed");
    }

    private static string Pad(string prefix, int length) => prefix + new string('x', length - prefix.Length);

    private static string? Value(IHtmlDocument page, string name) => page.QuerySelector($"input[name='{name}']")?.GetAttribute("value");

    private static string? Selected(IHtmlDocument page, string name) =>
        ((IHtmlSelectElement)page.QuerySelector($"select[name='{name}']")!).SelectedOptions.SingleOrDefault()?.Value;

    private static string Message(IHtmlDocument page, string name) =>
        page.QuerySelector($"span[data-valmsg-for='{name}']")?.TextContent.Trim() ?? throw new InvalidOperationException($"No message slot for {name}.");
}

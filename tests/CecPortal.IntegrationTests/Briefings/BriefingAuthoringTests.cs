using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using CecPortal.Testing;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Briefings;

/// <summary>Editors write, schedule, publish and delete briefings under /admin/briefings; the pages post real forms.</summary>
public sealed class BriefingAuthoringTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string FormSelector = "form[data-testid=briefing-form]";

    public static TheoryData<string> AuthoringPages => ["/admin/briefings", "/admin/briefings/new", "/admin/briefings/{id}/edit"];

    [Theory]
    [InlineData(PortalFactory.EditorEmail)]
    [InlineData(PortalFactory.AdminEmail)]
    public async Task Get_AsEditorOrAdmin_OpensEveryAuthoringPage(string email)
    {
        // Arrange
        var id = await CreateBriefingAsync(new DateOnly(2030, 1, email == PortalFactory.AdminEmail ? 2 : 3), "Opened by staff");
        using var client = await portal.SignedInClientAsync(email);

        // Act
        var responses = new List<HttpStatusCode>();
        foreach (var path in AuthoringPages)
        {
            using var response = await client.GetAsync(Url(path, id), TestContext.Current.CancellationToken);
            responses.Add(response.StatusCode);
        }

        // Assert
        responses.ShouldAllBe(status => status == HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(PortalFactory.MemberEmail, 4)]
    [InlineData(PortalFactory.CountryVetterEmail, 5)]
    [InlineData(PortalFactory.SectorVetterEmail, 6)]
    public async Task Get_AsMemberOrVetter_IsForbidden(string email, int day)
    {
        // Arrange
        var id = await CreateBriefingAsync(new DateOnly(2030, 1, day), "Not for vetters");
        using var client = await portal.SignedInClientAsync(email);

        // Act
        var responses = new List<HttpStatusCode>();
        foreach (var path in AuthoringPages)
        {
            using var response = await client.GetAsync(Url(path, id), TestContext.Current.CancellationToken);
            responses.Add(response.StatusCode);
        }

        using var preview = await client.PostAsync(Url("/admin/briefings/new?handler=Preview"), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        // Assert
        responses.ShouldAllBe(status => status == HttpStatusCode.Forbidden);
        preview.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/admin/briefings")]
    [InlineData("/admin/briefings/new")]
    public async Task Get_Anonymously_RedirectsToSignIn(string path)
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        using var response = await client.GetAsync(Url(path), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/account/login?ReturnUrl=");
    }

    [Fact]
    public async Task GetNew_AsEditor_ProposesFirstFreeDateFromTomorrowAndAmber()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var tomorrow = new BriefingOptions().Today(TimeProvider.System).AddDays(1);
        await CreateBriefingAsync(tomorrow, "Tomorrow is taken");

        // Act
        var page = await client.GetDocumentAsync("/admin/briefings/new");

        // Assert
        Field(page, "Input.EditionDate").ShouldBe(tomorrow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        ((IHtmlSelectElement)page.QuerySelector("select[name='Input.Tlp']")!).Value.ShouldBe("Amber");
        page.QuerySelectorAll("select[name='Input.Tlp'] option").Select(o => o.TextContent)
            .ShouldBe(["TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"]);
        page.QuerySelectorAll("[data-testid=vulnerability-rows] tbody tr").Length.ShouldBe(3);
    }

    [Fact]
    public async Task Create_ValidBriefing_StoresSanitizedHtmlEntriesAndAuditEntry()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var fields = await ReadFormAsync(client, "/admin/briefings/new");
        fields["Input.EditionDate"] = "2030-02-01";
        fields["Input.Title"] = "  Wiper campaign against utilities  ";
        fields["Input.Tlp"] = "Green";
        fields["Input.Body"] = "Patch **now**. [x](javascript:alert(1)) See CVE-2030-0001.";
        fields["Input.Vulnerabilities[1].CveId"] = " cve-2030-12345 ";
        fields["Input.Vulnerabilities[1].Product"] = "Gridware SCADA";
        fields["Input.Vulnerabilities[1].Severity"] = "Critical";
        fields["Input.Vulnerabilities[1].Summary"] = "Unauthenticated remote code execution";
        fields["Input.Vulnerabilities[1].Link"] = "https://vendor.example/advisory/1";

        // Act
        using var response = await PostAsync(client, "/admin/briefings/new", null, fields);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        var stored = await portal.WithDbAsync(db => db.Briefings.AsNoTracking().SingleAsync(b => b.EditionDate == new DateOnly(2030, 2, 1)));
        response.Headers.Location!.OriginalString.ShouldBe($"/admin/briefings/{stored.Id}/edit");
        stored.Title.ShouldBe("Wiper campaign against utilities");
        stored.Tlp.ShouldBe(TlpLabel.Green);
        stored.Status.ShouldBe(BriefingStatus.Draft);
        stored.Revision.ShouldBe(1);
        stored.CreatedById.ShouldBe(await portal.UserIdAsync(PortalFactory.EditorEmail));
        stored.BodyHtml.ShouldContain("<strong>now</strong>");
        stored.BodyHtml.ShouldContain("href=\"https://www.cve.org/CVERecord?id=CVE-2030-0001\"");
        stored.BodyHtml.ShouldNotContain("javascript", Case.Insensitive);
        stored.Vulnerabilities.ShouldBe([new VulnerabilityEntry
        {
            CveId = "CVE-2030-12345",
            Product = "Gridware SCADA",
            Severity = VulnerabilitySeverity.Critical,
            Summary = "Unauthenticated remote code execution",
            Link = "https://vendor.example/advisory/1",
        }]);
        var audit = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Subject == $"briefing:{stored.Id}").ToListAsync());
        audit.Select(e => e.Action).ShouldBe([BriefingEditor.CreateAction]);
        audit[0].ActorName.ShouldBe(PortalFactory.EditorEmail);
    }

    [Fact]
    public async Task Create_InvalidCveAndMissingTitle_ReshowsTypedValuesWithMessagesAndStoresNothing()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var fields = await ReadFormAsync(client, "/admin/briefings/new");
        fields["Input.EditionDate"] = "2030-02-02";
        fields["Input.Title"] = "";
        fields["Input.Body"] = "My carefully typed body text.";
        fields["Input.Vulnerabilities[0].CveId"] = "CVE-30-1";
        fields["Input.Vulnerabilities[0].Product"] = "Widget Router";
        fields["Input.Vulnerabilities[0].Link"] = "javascript:alert(1)";

        // Act
        using var response = await PostAsync(client, "/admin/briefings/new", null, fields);
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Message(page, "Input.Title").ShouldBe("Give the briefing a title.");
        Message(page, "Input.Vulnerabilities[0].CveId").ShouldBe("A CVE id looks like CVE-2026-12345.");
        Message(page, "Input.Vulnerabilities[0].Summary").ShouldBe("Enter the one-line summary.");
        Message(page, "Input.Vulnerabilities[0].Link").ShouldStartWith("Enter a full web address");
        Message(page, "Input.Vulnerabilities[1].CveId").ShouldBeEmpty();
        ((IHtmlTextAreaElement)page.QuerySelector("textarea[name='Input.Body']")!).Value.ShouldBe("My carefully typed body text.");
        Field(page, "Input.Vulnerabilities[0].CveId").ShouldBe("CVE-30-1");
        Field(page, "Input.Vulnerabilities[0].Product").ShouldBe("Widget Router");
        Field(page, "Input.EditionDate").ShouldBe("2030-02-02");
        (await portal.WithDbAsync(db => db.Briefings.AnyAsync(b => b.EditionDate == new DateOnly(2030, 2, 2)))).ShouldBeFalse();
    }

    [Fact]
    public async Task Create_DateAlreadyTaken_ShowsMessageWithLinkToThatBriefing()
    {
        // Arrange
        var existing = await CreateBriefingAsync(new DateOnly(2030, 2, 3), "The first one");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var fields = await ReadFormAsync(client, "/admin/briefings/new");
        fields["Input.EditionDate"] = "2030-02-03";
        fields["Input.Title"] = "The second one";
        fields["Input.Body"] = "Text I do not want to lose.";

        // Act
        using var response = await PostAsync(client, "/admin/briefings/new", null, fields);
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Message(page, "Input.EditionDate").ShouldBe("There is already a briefing for 3 February 2030.");
        page.QuerySelector("[data-testid=existing-briefing]")!.GetAttribute("href").ShouldBe($"/admin/briefings/{existing}/edit");
        Field(page, "Input.Title").ShouldBe("The second one");
        (await portal.WithDbAsync(db => db.Briefings.CountAsync(b => b.EditionDate == new DateOnly(2030, 2, 3)))).ShouldBe(1);
    }

    [Fact]
    public async Task Save_ChangedText_AddsRevisionAndAuditEntry()
    {
        // Arrange
        var id = await CreateBriefingAsync(new DateOnly(2030, 2, 4), "First words");
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var fields = await ReadFormAsync(client, EditPath(id));
        fields["Input.Body"] = "Second _thoughts_.";

        // Act
        using var response = await PostAsync(client, EditPath(id), null, fields);
        var page = await client.GetDocumentAsync(EditPath(id));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        var stored = await portal.WithDbAsync(db => db.Briefings.AsNoTracking().SingleAsync(b => b.Id == id));
        stored.Revision.ShouldBe(2);
        stored.BodyHtml.ShouldContain("<p>Second <em>thoughts</em>.</p>");
        stored.UpdatedById.ShouldBe(await portal.UserIdAsync(PortalFactory.AdminEmail));
        page.QuerySelector("[role=status]")!.TextContent.ShouldBe("Saved as revision 2.");
        page.QuerySelector("[data-testid=revision]")!.TextContent.ShouldBe("Revision 2");
        page.QuerySelector("[data-testid=preview-body]")!.InnerHtml.ShouldContain("<em>thoughts</em>");
        (await AuditActionsAsync(id)).ShouldBe([BriefingEditor.CreateAction, BriefingEditor.EditAction]);
    }

    [Fact]
    public async Task Save_AfterSomeoneElseSaved_IsRefusedAndKeepsTheTypedText()
    {
        // Arrange
        var id = await CreateBriefingAsync(new DateOnly(2030, 2, 5), "Original title");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var fields = await ReadFormAsync(client, EditPath(id));
        await SaveAsOtherEditorAsync(id, "Their title");
        fields["Input.Title"] = "My title";
        fields["Input.Body"] = "My long paragraph that must survive.";

        // Act
        using var response = await PostAsync(client, EditPath(id), null, fields);
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("Someone else saved this briefing meanwhile; your text is kept below, reload to see theirs.");
        Field(page, "Input.Title").ShouldBe("My title");
        ((IHtmlTextAreaElement)page.QuerySelector("textarea[name='Input.Body']")!).Value.ShouldBe("My long paragraph that must survive.");
        Field(page, "Input.Version").ShouldBe(fields["Input.Version"]);
        (await portal.WithDbAsync(db => db.Briefings.Where(b => b.Id == id).Select(b => b.Title).SingleAsync())).ShouldBe("Their title");
    }

    [Fact]
    public async Task TestEmailButton_SavesTheTypedTextAndMailsItToTheEditorAlone()
    {
        // Arrange
        var id = await CreateBriefingAsync(new DateOnly(2030, 3, 9), "Before proofreading");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var fields = await ReadFormAsync(client, EditPath(id));
        fields["Input.Title"] = "Proofread title";

        // Act
        using var response = await PostAsync(client, EditPath(id), "TestEmail", fields);
        var message = await portal.Smtp.WaitForAsync(m => m.Subject?.Contains("Proofread title", StringComparison.Ordinal) == true);
        var status = (await client.GetDocumentAsync(EditPath(id))).QuerySelector("[role=status]")!.TextContent;

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        message.Subject.ShouldStartWith("[TEST] [TLP:AMBER] ");
        message.To.Mailboxes.Select(m => m.Address).ShouldBe([PortalFactory.EditorEmail]);
        status.ShouldContain("test email of this briefing is on its way");
        (await portal.WithDbAsync(db => db.Briefings.Where(b => b.Id == id).Select(b => b.Title).SingleAsync())).ShouldBe("Proofread title");
        (await portal.WithDbAsync(db => db.BriefingDeliveries.CountAsync(d => d.BriefingId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task TestEmailButton_RemoteImage_IsMailedAndShownAsALinkNotLoaded()
    {
        // Arrange: a tracking pixel in the body.
        var id = await CreateBriefingAsync(new DateOnly(2030, 3, 11), "Pixel check");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var fields = await ReadFormAsync(client, EditPath(id));
        fields["Input.Body"] = "Read on.\n\n![x](https://tracker.example/p.gif)";

        // Act
        using var response = await PostAsync(client, EditPath(id), "TestEmail", fields);
        var message = await portal.Smtp.WaitForAsync(m => m.Subject?.Contains("Pixel check", StringComparison.Ordinal) == true);
        var preview = (await client.GetDocumentAsync(EditPath(id))).QuerySelector("[data-testid=preview-body]")!;

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        message.HtmlBody!.ShouldNotContain("<img src=\"https://tracker");
        message.HtmlBody!.ShouldContain("<a href=\"https://tracker.example/p.gif\" rel=\"noopener noreferrer nofollow\">x</a>");
        preview.QuerySelectorAll("img").ShouldBeEmpty();
        preview.QuerySelector("a[href='https://tracker.example/p.gif']")!.TextContent.ShouldBe("x");
    }

    [Fact]
    public async Task TestEmailButton_RedBriefing_IsHiddenAndRefusedAfterSaving()
    {
        // Arrange
        var id = await CreateBriefingAsync(new DateOnly(2030, 3, 10), "Red eyes only", TlpLabel.Red);
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var page = await client.GetDocumentAsync(EditPath(id));
        var fields = await ReadFormAsync(client, EditPath(id));

        // Act
        using var response = await PostAsync(client, EditPath(id), "TestEmail", fields);
        var status = (await client.GetDocumentAsync(EditPath(id))).QuerySelector("[role=status]")!.TextContent;

        // Assert
        page.QuerySelector("[data-testid=test-email]").ShouldBeNull();
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        status.ShouldContain("no test email was sent");
        (await portal.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.Subject.Contains("Red eyes only")))).ShouldBe(0);
    }

    [Fact]
    public async Task StatusButtons_ScheduleUnschedulePublish_MoveTheBriefingAndAuditEachStep()
    {
        // Arrange
        var id = await CreateBriefingAsync(new DateOnly(2030, 2, 6), "Moving through states");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        var statuses = new List<BriefingStatus>();
        var messages = new List<string>();
        foreach (var handler in new[] { "Schedule", "Unschedule", "Schedule", "Publish" })
        {
            using var response = await PostAsync(client, EditPath(id), handler, await ReadFormAsync(client, EditPath(id)));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
            messages.Add((await client.GetDocumentAsync(EditPath(id))).QuerySelector("[role=status]")!.TextContent);
            statuses.Add(await portal.WithDbAsync(db => db.Briefings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));
        }

        // Assert
        statuses.ShouldBe([BriefingStatus.Scheduled, BriefingStatus.Draft, BriefingStatus.Scheduled, BriefingStatus.Published]);
        messages[0].ShouldBe("Scheduled for 6 February 2030: the morning job publishes and emails it on its date.");
        messages[3].ShouldBe("Published: members can read it now. Emailing stays with the morning job.");
        (await AuditActionsAsync(id)).ShouldBe([
            BriefingEditor.CreateAction, BriefingEditor.ScheduleAction, BriefingEditor.UnscheduleAction, BriefingEditor.ScheduleAction, BriefingEditor.PublishAction]);
        var published = await portal.WithDbAsync(db => db.Briefings.AsNoTracking().SingleAsync(b => b.Id == id));
        published.PublishedAt.ShouldNotBeNull();
        published.Revision.ShouldBe(1);
    }

    [Fact]
    public async Task Schedule_WithEditedText_SavesTheTextAndSchedulesInOneStep()
    {
        // Arrange
        var id = await CreateBriefingAsync(new DateOnly(2030, 2, 7), "Edit then schedule");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var fields = await ReadFormAsync(client, EditPath(id));
        fields["Input.Title"] = "Edited before scheduling";

        // Act
        using var response = await PostAsync(client, EditPath(id), "Schedule", fields);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        var stored = await portal.WithDbAsync(db => db.Briefings.AsNoTracking().SingleAsync(b => b.Id == id));
        stored.Title.ShouldBe("Edited before scheduling");
        stored.Status.ShouldBe(BriefingStatus.Scheduled);
        stored.Revision.ShouldBe(2);
    }

    [Fact]
    public async Task Schedule_DatePassed_IsRefusedWithMessage()
    {
        // Arrange
        var id = await CreateBriefingAsync(new DateOnly(2020, 3, 1), "Yesterday's news");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        using var response = await PostAsync(client, EditPath(id), "Schedule", await ReadFormAsync(client, EditPath(id)));
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("The edition date 1 March 2020 has passed");
        (await portal.WithDbAsync(db => db.Briefings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync())).ShouldBe(BriefingStatus.Draft);
    }

    [Fact]
    public async Task Save_PublishedBriefingWithNewDate_IsRefusedAndKeepsTheText()
    {
        // Arrange
        var id = await CreateBriefingAsync(new DateOnly(2030, 2, 8), "Already out");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        using (var publish = await PostAsync(client, EditPath(id), "Publish", await ReadFormAsync(client, EditPath(id))))
        {
            publish.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var fields = await ReadFormAsync(client, EditPath(id));
        fields["Input.EditionDate"] = "2030-02-09";
        fields["Input.Title"] = "Moved";

        // Act
        using var response = await PostAsync(client, EditPath(id), null, fields);
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("The edition date of a published briefing cannot change.");
        Field(page, "Input.Title").ShouldBe("Moved");
        page.QuerySelector("[data-testid=deliveries-link]")!.GetAttribute("href").ShouldBe($"/admin/briefings/{id}/deliveries");
        (await portal.WithDbAsync(db => db.Briefings.Where(b => b.Id == id).Select(b => b.EditionDate).SingleAsync())).ShouldBe(new DateOnly(2030, 2, 8));
    }

    [Fact]
    public async Task DeleteDraft_Confirmed_RemovesItAndAudits()
    {
        // Arrange
        var id = await CreateBriefingAsync(new DateOnly(2030, 2, 10), "Throwaway draft");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        using var response = await client.SubmitFormAsync(EditPath(id), new Dictionary<string, string>(), "[data-testid=delete-draft] form");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/admin/briefings");
        (await portal.WithDbAsync(db => db.Briefings.AnyAsync(b => b.Id == id))).ShouldBeFalse();
        var audit = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Subject == $"briefing:{id}" && e.Action == BriefingEditor.DeleteAction));
        audit.Note!.ShouldContain("Throwaway draft");
    }

    [Fact]
    public async Task DeleteDraft_WhenScheduled_IsRefusedAndOffersNoDeleteButton()
    {
        // Arrange
        var id = await CreateBriefingAsync(new DateOnly(2030, 2, 11), "Promised to members");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var fields = await ReadFormAsync(client, EditPath(id));
        using (var schedule = await PostAsync(client, EditPath(id), "Schedule", fields))
        {
            schedule.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var scheduled = await ReadFormAsync(client, EditPath(id));
        var page = await client.GetDocumentAsync(EditPath(id));

        // Act
        using var response = await PostAsync(client, EditPath(id), "Delete", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = scheduled["__RequestVerificationToken"],
            ["version"] = scheduled["Input.Version"],
        });

        // Assert
        page.QuerySelector("[data-testid=delete-draft]").ShouldBeNull();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("Only a draft can be deleted");
        (await portal.WithDbAsync(db => db.Briefings.AnyAsync(b => b.Id == id))).ShouldBeTrue();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Preview_WithTokenInHeader_ReturnsTheRenderedFragment(bool onEditPage)
    {
        // Arrange
        var path = onEditPage ? EditPath(await CreateBriefingAsync(new DateOnly(2030, 2, 14), "Stored title")) : "/admin/briefings/new";
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var fields = await ReadFormAsync(client, path);
        var token = fields["__RequestVerificationToken"];
        fields.Remove("__RequestVerificationToken");
        fields["Input.Title"] = "Preview title";
        fields["Input.Tlp"] = "Red";
        fields["Input.Body"] = "A **bold** claim about CVE-2030-4242 and [x](javascript:alert(1)).";
        fields["Input.Vulnerabilities[0].CveId"] = "cve-2030-4242";
        fields["Input.Vulnerabilities[0].Product"] = "Previewed Product";
        using var request = new HttpRequestMessage(HttpMethod.Post, Url($"{path}?handler=Preview")) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("RequestVerificationToken", token);

        // Act
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotContain("<html");
        html.ShouldContain("<strong>bold</strong>");
        html.ShouldContain("href=\"https://www.cve.org/CVERecord?id=CVE-2030-4242\"");
        html.ShouldNotContain("javascript", Case.Insensitive);
        html.ShouldContain("TLP:RED");
        html.ShouldContain("Previewed Product");
        html.ShouldContain("Preview title");
    }

    [Fact]
    public async Task Preview_WithoutToken_IsRefused()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var fields = await ReadFormAsync(client, "/admin/briefings/new");
        fields.Remove("__RequestVerificationToken");
        fields["Input.Body"] = "**bold**";

        // Act
        using var response = await client.PostAsync(Url("/admin/briefings/new?handler=Preview"), new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PreviewButton_WithoutJavaScript_ReshowsThePageWithThePreviewFilled()
    {
        // Arrange
        var id = await CreateBriefingAsync(new DateOnly(2030, 2, 12), "Before preview");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var fields = await ReadFormAsync(client, EditPath(id));
        fields["Input.Body"] = "Unsaved ~~draft~~ **change**";

        // Act
        using var response = await PostAsync(client, EditPath(id), "ShowPreview", fields);
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=preview-body]")!.InnerHtml.ShouldContain("<strong>change</strong>");
        ((IHtmlTextAreaElement)page.QuerySelector("textarea[name='Input.Body']")!).Value.ShouldBe("Unsaved ~~draft~~ **change**");
        (await portal.WithDbAsync(db => db.Briefings.Where(b => b.Id == id).Select(b => b.Revision).SingleAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task AddRows_WithoutJavaScript_ReshowsTypedRowsPlusThreeEmptyOnes()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var fields = await ReadFormAsync(client, "/admin/briefings/new");
        fields["Input.Title"] = "Many vulnerabilities";
        fields["Input.Vulnerabilities[0].CveId"] = "CVE-2030-0001";
        fields["Input.Vulnerabilities[1].CveId"] = "CVE-2030-0002";
        fields["Input.Vulnerabilities[2].CveId"] = "CVE-2030-0003";

        // Act
        using var response = await PostAsync(client, "/admin/briefings/new", "AddRows", fields);
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelectorAll("[data-testid=vulnerability-rows] tbody tr").Length.ShouldBe(6);
        Field(page, "Input.Vulnerabilities[2].CveId").ShouldBe("CVE-2030-0003");
        Field(page, "Input.Vulnerabilities[5].CveId").ShouldBeEmpty();
        Field(page, "Input.Title").ShouldBe("Many vulnerabilities");
        page.QuerySelector("[data-testid=form-errors]")!.TextContent.Trim().ShouldBeEmpty();
    }

    [Fact]
    public async Task Edit_RedBriefing_SaysWebOnlyNeverEmailed()
    {
        // Arrange
        var id = await CreateBriefingAsync(new DateOnly(2030, 2, 13), "Eyes only", TlpLabel.Red);
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        var page = await client.GetDocumentAsync(EditPath(id));

        // Assert
        page.QuerySelector("[data-testid=web-only]")!.TextContent.ShouldBe("TLP:RED: web only: never emailed.");
        page.QuerySelector("[data-testid=preview] [data-testid=tlp-banner]")!.TextContent.ShouldContain("TLP:RED");
    }

    [Fact]
    public async Task List_NewestEditionFirst_FiltersByStatusAndShowsLastEditor()
    {
        // Arrange
        var older = await CreateBriefingAsync(new DateOnly(2031, 5, 1), "List older");
        var newer = await CreateBriefingAsync(new DateOnly(2031, 5, 2), "List newer");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        using (var schedule = await PostAsync(client, EditPath(older), "Schedule", await ReadFormAsync(client, EditPath(older))))
        {
            schedule.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // Act
        var all = await client.GetDocumentAsync("/admin/briefings");
        var scheduled = await client.GetDocumentAsync("/admin/briefings?status=Scheduled");

        // Assert
        var rows = all.QuerySelectorAll("[data-testid=briefings] tbody tr").ToList();
        rows.Select(r => r.QuerySelector("a")!.TextContent).Take(2).ShouldBe(["List newer", "List older"]);
        rows[0].TextContent.ShouldContain("2 May 2031");
        rows[0].TextContent.ShouldContain("TLP:AMBER");
        rows[0].TextContent.ShouldContain("Elena Editor");
        rows[0].QuerySelector("a")!.GetAttribute("href").ShouldBe($"/admin/briefings/{newer}/edit");
        var scheduledTitles = scheduled.QuerySelectorAll("[data-testid=briefings] tbody tr a").Select(a => a.TextContent).ToList();
        scheduledTitles.ShouldContain("List older");
        scheduledTitles.ShouldNotContain("List newer");
        scheduled.QuerySelectorAll("[data-testid=briefings] [data-testid=status]").Select(s => s.TextContent).ShouldAllBe(status => status == "Scheduled");
    }

    private static Uri Url(string path, Guid? id = null) => new(path.Replace("{id}", id?.ToString() ?? string.Empty, StringComparison.Ordinal), UriKind.Relative);

    private static string EditPath(Guid id) => $"/admin/briefings/{id}/edit";

    private static string Field(IHtmlDocument page, string name) => ((IHtmlInputElement)page.QuerySelector($"input[name='{name}']")!).Value;

    private static string Message(IHtmlDocument page, string name) => page.QuerySelector($"[data-valmsg-for='{name}']")!.TextContent;

    private static async Task<string?> ErrorsAsync(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.OK ? (await response.ReadDocumentAsync()).QuerySelector("[data-testid=form-errors]")?.TextContent : null;

    /// <summary>Every field of the briefing form as the browser would post it: inputs, the textarea and the selects.</summary>
    private static async Task<Dictionary<string, string>> ReadFormAsync(HttpClient client, string path)
    {
        var page = await client.GetDocumentAsync(path);
        var form = page.QuerySelector(FormSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No briefing form on {path}.");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: not "submit" and not "checkbox" } input when !string.IsNullOrEmpty(input.Name):
                    values[input.Name!] = input.Value;
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values[area.Name!] = area.Value;
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values[select.Name!] = select.Value ?? string.Empty;
                    break;
            }
        }

        return values;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? handler, IReadOnlyDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(Url(handler is null ? path : $"{path}?handler={handler}"), content, TestContext.Current.CancellationToken);
    }

    private async Task<Guid> CreateBriefingAsync(DateOnly date, string title, TlpLabel tlp = TlpLabel.Amber)
    {
        var editorId = await portal.UserIdAsync(PortalFactory.EditorEmail);
        var id = Guid.Empty;
        await portal.WithServiceAsync<BriefingEditor>(async editor =>
            id = (await editor.CreateAsync(new BriefingDraft(date, title, $"Body of {title}.", tlp, []), new Actor(editorId, PortalFactory.EditorEmail), TestContext.Current.CancellationToken)).Id);
        return id;
    }

    private async Task SaveAsOtherEditorAsync(Guid id, string title)
    {
        var adminId = await portal.UserIdAsync(PortalFactory.AdminEmail);
        var stored = await portal.WithDbAsync(db => db.Briefings.Where(b => b.Id == id).Select(b => new { b.Version, b.EditionDate }).SingleAsync());
        await portal.WithServiceAsync<BriefingEditor>(editor =>
            editor.SaveAsync(id, stored.Version, new BriefingDraft(stored.EditionDate, title, "Their body.", TlpLabel.Amber, []), BriefingStep.None, new Actor(adminId, PortalFactory.AdminEmail), TestContext.Current.CancellationToken));
    }

    private Task<List<string>> AuditActionsAsync(Guid id) =>
        portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Subject == $"briefing:{id}").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
}

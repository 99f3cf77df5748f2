using System.Net;
using AngleSharp.Html.Dom;
using CecPortal.Testing;
using CecPortal.Web.Features.Membership.Applications;
using Shouldly;
using static CecPortal.IntegrationTests.Membership.MembershipFlowTests;
using static CecPortal.IntegrationTests.Membership.MembershipTestKit;

namespace CecPortal.IntegrationTests.Membership;

/// <summary>Who may see which application: vetting scopes, roles, queue filters and unverified applications.</summary>
public sealed class VettingScopeTests(GenerousRateLimitPortalFixture portal) : IClassFixture<GenerousRateLimitPortalFixture>
{
    [Fact]
    public async Task GetAndApprove_VetterOutsideScope_NotFoundAndNotInQueue()
    {
        // Arrange: a vetter for Germany and banking; one French energy application, one German one
        const string narrowEmail = "narrow.vetter@demo.cec.example";
        await CreateVetterAsync(portal, narrowEmail, ["DE"], ["banking"]);
        var (outside, _) = await ApplyAndVerifyAsync(portal, Form("outside.scope@outside-demo.eu", "FR", "energy"));
        var (inside, _) = await ApplyAndVerifyAsync(portal, Form("inside.scope@inside-demo.eu", "DE", "energy"));
        using var narrow = await portal.SignedInClientAsync(narrowEmail);

        // Act
        using var get = await narrow.GetAsync(new Uri($"/admin/vetting/{outside}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var approve = await narrow.PostAsync($"/admin/vetting/{outside}?handler=Approve", new Dictionary<string, string> { ["Input.Note"] = "Looks fine." }, "/admin/vetting");
        var queue = await narrow.GetDocumentAsync("/admin/vetting");

        // Assert
        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        approve.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        queue.QuerySelector($"a[href='/admin/vetting/{outside}']").ShouldBeNull();
        queue.QuerySelector($"a[href='/admin/vetting/{inside}']").ShouldNotBeNull();
        var application = await LoadAsync(portal, outside);
        application.Status.ShouldBe(ApplicationStatus.Submitted);
        application.Reviews.ShouldBeEmpty();
        using var insideGet = await narrow.GetAsync(new Uri($"/admin/vetting/{inside}", UriKind.Relative), TestContext.Current.CancellationToken);
        insideGet.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_VettingPagesAsMember_Forbidden()
    {
        // Arrange
        var (id, _) = await ApplyAndVerifyAsync(portal, Form("member.forbidden@forbidden-demo.eu"));
        using var member = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        using var queue = await member.GetAsync(new Uri("/admin/vetting", UriKind.Relative), TestContext.Current.CancellationToken);
        using var application = await member.GetAsync(new Uri($"/admin/vetting/{id}", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        queue.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        application.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await application.ReadDocumentAsync()).DocumentElement.OuterHtml.ShouldNotContain("member.forbidden@forbidden-demo.eu");
    }

    [Theory]
    [InlineData("/admin/vetting")]
    [InlineData("/admin/vetting/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")]
    public async Task Get_VettingPagesAnonymously_RedirectsToSignIn(string path)
    {
        // Arrange
        using var anonymous = portal.CreateClient();

        // Act
        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/account/login?ReturnUrl=");
    }

    [Fact]
    public async Task Get_VettingQueueAsEditor_Forbidden()
    {
        // Arrange
        using var editor = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        using var response = await editor.GetAsync(new Uri("/admin/vetting", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GetQueue_WithFilters_ShowsOnlyMatchingRows()
    {
        // Arrange: France/energy, Germany/banking, France/banking from a free-mail address, France/energy in review
        await EnsureScopesAsync(portal);
        var (frEnergy, _) = await ApplyAndVerifyAsync(portal, Form("filters.fr-energy@filters-demo.eu", "FR", "energy"));
        var (deBanking, _) = await ApplyAndVerifyAsync(portal, Form("filters.de-banking@filters-demo.de", "DE", "banking"));
        var (frBankingFreeMail, _) = await ApplyAndVerifyAsync(portal, Form("filters.fr.banking@gmail.com", "FR", "banking"));
        var (frInReview, _) = await ApplyAndVerifyAsync(portal, Form("filters.in-review@filters-review.eu", "FR", "energy"));
        using var vetter = await portal.SignedInClientAsync(CountryVetterEmail);
        using var approved = await vetter.SubmitFormAsync($"/admin/vetting/{frInReview}?handler=Approve", new Dictionary<string, string>());
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Guid[] mine = [frEnergy, deBanking, frBankingFreeMail, frInReview];
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var all = await admin.GetDocumentAsync("/admin/vetting");
        var france = await admin.GetDocumentAsync("/admin/vetting?country=FR");
        var banking = await admin.GetDocumentAsync("/admin/vetting?sector=banking");
        var inReview = await admin.GetDocumentAsync("/admin/vetting?status=InReview");
        var freeMail = await admin.GetDocumentAsync("/admin/vetting?flag=FreeMailAddress");
        var franceBanking = await admin.GetDocumentAsync("/admin/vetting?country=FR&sector=banking");

        // Assert
        Listed(all, mine).ShouldBe(mine, ignoreOrder: true);
        Listed(france, mine).ShouldBe([frEnergy, frBankingFreeMail, frInReview], ignoreOrder: true);
        Cells(france, 1).ShouldAllBe(c => c == "France");
        Listed(banking, mine).ShouldBe([deBanking, frBankingFreeMail], ignoreOrder: true);
        Cells(banking, 2).ShouldAllBe(c => c == "Banking");
        Listed(inReview, mine).ShouldBe([frInReview]);
        Cells(inReview, 3).ShouldAllBe(c => c.StartsWith("In review", StringComparison.Ordinal));
        Listed(freeMail, mine).ShouldBe([frBankingFreeMail]);
        freeMail.QuerySelectorAll("table[data-testid=queue] tbody tr").ShouldAllBe(r => r.TextContent.Contains("Free-mail address", StringComparison.Ordinal));
        Listed(franceBanking, mine).ShouldBe([frBankingFreeMail]);
    }

    [Fact]
    public async Task GetQueue_UnverifiedApplication_NeverListedNorOpened()
    {
        // Arrange
        await EnsureScopesAsync(portal);
        var (id, _) = await SubmitAsync(portal, Form("unverified.hidden@unverified-demo.eu"));
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        using var vetter = await portal.SignedInClientAsync(SectorVetterEmail);

        // Act
        var adminQueue = await admin.GetDocumentAsync("/admin/vetting");
        var unverifiedFilter = await admin.GetDocumentAsync("/admin/vetting?status=Unverified");
        var vetterQueue = await vetter.GetDocumentAsync("/admin/vetting?country=FR&sector=energy");
        using var page = await admin.GetAsync(new Uri($"/admin/vetting/{id}", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        adminQueue.QuerySelector($"a[href='/admin/vetting/{id}']").ShouldBeNull();
        vetterQueue.QuerySelector($"a[href='/admin/vetting/{id}']").ShouldBeNull();
        unverifiedFilter.QuerySelector($"a[href='/admin/vetting/{id}']").ShouldBeNull();
        unverifiedFilter.QuerySelector("[data-testid=queue-total]")!.TextContent.ShouldBe("0 application(s)");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await LoadAsync(portal, id)).Status.ShouldBe(ApplicationStatus.Unverified);
    }

    [Theory]
    [InlineData("?country=%00")]
    [InlineData("?country=FR%00&sector=energy%00")]
    [InlineData("?sector=%00%00")]
    public async Task GetQueue_FilterWithNulCharacter_EmptyQueueNotServerError(string query)
    {
        // Arrange
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.GetAsync(new Uri("/admin/vetting" + query, UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-testid=queue-total]")!.TextContent.ShouldBe("0 application(s)");
    }

    /// <summary>Which of <paramref name="candidates"/> the queue page links to.</summary>
    private static Guid[] Listed(IHtmlDocument queue, Guid[] candidates) =>
        [.. candidates.Where(id => queue.QuerySelector($"a[href='/admin/vetting/{id}']") is not null)];

    /// <summary>The text of one column (0-based) in every row of the queue.</summary>
    private static string[] Cells(IHtmlDocument queue, int column) =>
        [.. queue.QuerySelectorAll("table[data-testid=queue] tbody tr").Select(r => r.Children[column].TextContent.Trim())];
}

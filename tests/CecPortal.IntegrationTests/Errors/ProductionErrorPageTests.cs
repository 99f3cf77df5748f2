using System.Net;
using AngleSharp.Html.Dom;
using CecPortal.Testing;
using Shouldly;

namespace CecPortal.IntegrationTests.Errors;

/// <summary>
/// The error pages as a visitor meets them in Production: friendly, in the portal's layout, with the right status code,
/// the security headers, a reference for a server error, and nothing of the portal's insides (no stack trace,
/// exception type, source path or SQL).
/// </summary>
public sealed class ProductionErrorPageTests(ProductionPortalFixture portal) : IClassFixture<ProductionPortalFixture>
{
    /// <summary>Words that only a leak would put on an error page.</summary>
    private static readonly string[] Leaks = ["Exception", "   at ", ".cs:line", "/src/", "line 42", "SELECT", "Npgsql", "password_hash", "StackTrace", "stack trace", "Development", "System.", "Microsoft."];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_UnknownPathAsMember_FriendlyNotFound()
    {
        // Arrange: signed in, since an anonymous visitor is sent to sign in first, wherever they go (deny by default).
        using var client = await portal.SignedInHttpsClientAsync(PortalFactory.MemberEmail);

        // Act
        using var response = await client.GetAsync(new Uri("/no/such/page", UriKind.Relative), Token);

        // Assert
        var page = await FriendlyAsync(response, HttpStatusCode.NotFound, "Page not found");
        page.QuerySelector("[data-testid=request-id]").ShouldBeNull("a missing page needs no reference");
    }

    [Fact]
    public async Task Get_UnknownRecordAsMember_FriendlyNotFound()
    {
        // Arrange
        using var member = await portal.SignedInHttpsClientAsync(PortalFactory.MemberEmail);

        // Act
        using var response = await member.GetAsync(new Uri("/sharing/c/no-such-channel", UriKind.Relative), Token);

        // Assert
        var page = await FriendlyAsync(response, HttpStatusCode.NotFound, "Page not found");
        page.QuerySelector("[data-testid=signed-in-as]")!.TextContent.ShouldBe(PortalFactory.MemberEmail, "the page keeps the member's layout");
    }

    [Fact]
    public async Task Get_AdminAsMember_FriendlyForbidden()
    {
        // Arrange
        using var member = await portal.SignedInHttpsClientAsync(PortalFactory.MemberEmail);

        // Act
        using var response = await member.GetAsync(new Uri("/admin", UriKind.Relative), Token);

        // Assert
        await FriendlyAsync(response, HttpStatusCode.Forbidden, "Access denied");
    }

    [Fact]
    public async Task Get_RequestThatThrows_FriendlyServerErrorWithReferenceOnly()
    {
        // Arrange
        using var client = await portal.SignedInHttpsClientAsync(PortalFactory.MemberEmail);

        // Act
        using var response = await client.GetAsync(new Uri(ProductionPortalFixture.ThrowingPath, UriKind.Relative), Token);

        // Assert
        var page = await FriendlyAsync(response, HttpStatusCode.InternalServerError, "Something went wrong");
        page.QuerySelector("[data-testid=request-id]")!.TextContent.Trim().ShouldNotBeNullOrEmpty("a person can quote the reference to the staff");
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_FriendlyBadRequest()
    {
        // Arrange
        using var client = portal.CreateHttpsClient();
        using var form = new FormUrlEncodedContent([new("Input.Email", PortalFactory.MemberEmail), new("Input.Password", PortalFactory.DemoPassword)]);

        // Act
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), form, Token);

        // Assert
        var page = await FriendlyAsync(response, HttpStatusCode.BadRequest, "The form could not be accepted");
        page.QuerySelector("main")!.TextContent.ShouldContain("reload the page");
    }

    private static async Task<IHtmlDocument> FriendlyAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'self'");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=");
        var body = await response.Content.ReadAsStringAsync(Token);
        foreach (var leak in Leaks)
        {
            body.ShouldNotContain(leak, Case.Sensitive, $"the {(int)status} page shows nothing of the portal's insides");
        }

        var page = await response.ReadDocumentAsync();
        page.Title.ShouldBe($"{title} · CEC Portal");
        page.QuerySelector("main#main h1")!.TextContent.ShouldBe(title);
        page.QuerySelector("nav[aria-label='Main navigation']").ShouldNotBeNull("the page is in the portal's layout");
        page.QuerySelector("main a[href='/']").ShouldNotBeNull("the page offers a way on");
        return page;
    }
}

using System.Net;
using CecPortal.IntegrationTests.Profile;
using CecPortal.Testing;
using CecPortal.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Security;

/// <summary>
/// Production behind a TLS-terminating proxy: X-Forwarded-For and X-Forwarded-Proto count only when they come from a
/// configured proxy, a Host other than the one of <c>Portal:BaseUrl</c> is refused, and cookies carry <c>__Host-</c>.
/// </summary>
public sealed class ReverseProxyTests(ProductionEdgePortalFixture portal) : IClassFixture<ProductionEdgePortalFixture>
{
    private static readonly IPAddress Stranger = IPAddress.Parse("203.0.113.9");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// A cookie-keeping client whose TCP peer is <paramref name="peer"/> (the test server has none of its own), reaching
    /// <paramref name="address"/>, with the forwarded headers a proxy would add.
    /// </summary>
    private HttpClient Client(IPAddress peer, string? forwardedFor = null, string? forwardedProto = null, string address = ProductionEdgePortalFixture.Origin)
    {
        var client = new HttpClient(new CookieContainerHandler { InnerHandler = portal.Factory.Server.CreateHandler(context => context.Connection.RemoteIpAddress = peer) })
        {
            BaseAddress = new Uri(address),
        };
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        if (forwardedProto is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        }

        return client;
    }

    [Fact]
    public async Task SignIn_ThroughTrustedProxy_AuditRecordsTheForwardedClientAndCookieIsSecureHostPrefixed()
    {
        // Arrange
        var (id, email) = await ProfileTestKit.AddMemberAsync(portal.Factory, "Proxied Member");
        using var client = Client(IPAddress.Parse(ProductionEdgePortalFixture.Proxy), forwardedFor: "198.51.100.23");

        // Act
        using var response = await client.SignInAsync(email, PortalFactory.DemoPassword);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SignInAddressAsync(id)).ShouldBe(IPAddress.Parse("198.51.100.23"));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-cec.auth=", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        attributes.ShouldContain("secure");
        attributes.ShouldContain("path=/");
        attributes.ShouldContain("httponly");
        attributes.ShouldNotContain(a => a.StartsWith("domain=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_FromUnknownAddressWithForgedForwardedFor_AuditRecordsThePeer()
    {
        // Arrange
        var (id, email) = await ProfileTestKit.AddMemberAsync(portal.Factory, "Forging Member");
        using var client = Client(Stranger, forwardedFor: "198.51.100.99");

        // Act
        using var response = await client.SignInAsync(email, PortalFactory.DemoPassword);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SignInAddressAsync(id)).ShouldBe(Stranger);
    }

    [Fact]
    public async Task Get_HttpThroughTrustedProxySayingHttps_SendsHsts()
    {
        // Arrange: the proxy terminated TLS and forwards plain http; 10.1.2.3 is in the configured network.
        using var client = Client(IPAddress.Parse("10.1.2.3"), forwardedFor: "198.51.100.23", forwardedProto: "https", address: "http://portal.cec.example");

        // Act
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=31536000; includeSubDomains");
    }

    [Fact]
    public async Task Get_HttpFromUnknownAddressSayingHttps_NoHsts()
    {
        // Arrange
        using var client = Client(Stranger, forwardedFor: "198.51.100.23", forwardedProto: "https", address: "http://portal.cec.example");

        // Act
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task ForgotPassword_ThroughTrustedProxy_RateLimitedPerForwardedClient()
    {
        // Arrange: one request per client and hour; two clients behind the same proxy.
        using var first = Client(IPAddress.Parse(ProductionEdgePortalFixture.Proxy), forwardedFor: "198.51.100.31");
        using var second = Client(IPAddress.Parse(ProductionEdgePortalFixture.Proxy), forwardedFor: "198.51.100.32");
        using var firstAgain = Client(IPAddress.Parse(ProductionEdgePortalFixture.Proxy), forwardedFor: "198.51.100.31");

        // Act
        using var one = await RequestResetAsync(first);
        using var two = await RequestResetAsync(second);
        using var three = await RequestResetAsync(firstAgain);

        // Assert
        one.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        two.StatusCode.ShouldBe(HttpStatusCode.Redirect, "another client behind the proxy has its own budget");
        three.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task ForgotPassword_FromUnknownAddressVaryingForwardedFor_StillOneBudget()
    {
        // Arrange
        var peer = IPAddress.Parse("203.0.113.44");
        using var first = Client(peer, forwardedFor: "198.51.100.41");
        using var second = Client(peer, forwardedFor: "198.51.100.42");

        // Act
        using var one = await RequestResetAsync(first);
        using var two = await RequestResetAsync(second);

        // Assert
        one.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        two.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "a forged X-Forwarded-For does not buy a new budget");
    }

    [Theory]
    [InlineData("https://attacker.example")]
    [InlineData("http://10.0.0.20:8080")]
    public async Task Get_WithHostOtherThanTheBaseUrl_Refused(string address)
    {
        // Arrange
        using var client = Client(Stranger, address: address);

        // Act
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative), Token);
        using var health = await client.GetAsync(new Uri("/health/live", UriKind.Relative), Token);

        // Assert
        page.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        health.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "probes send the configured Host, or their host is added to AllowedHosts");
    }

    [Fact]
    public async Task Get_HealthWithTheConfiguredHost_Served()
    {
        // Arrange
        using var client = Client(Stranger, address: "http://portal.cec.example:8080");

        // Act
        using var health = await client.GetAsync(new Uri("/health/live", UriKind.Relative), Token);

        // Assert
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<IPAddress?> SignInAddressAsync(string userId)
    {
        var subject = SecurityEvents.UserSubject(userId);
        return portal.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Subject == subject && e.Action == SecurityEvents.SignInSucceeded)
            .Select(e => e.IpAddress)
            .SingleAsync(Token));
    }

    private static Task<HttpResponseMessage> RequestResetAsync(HttpClient client) =>
        client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "nobody.proxied@unknown.example" });
}

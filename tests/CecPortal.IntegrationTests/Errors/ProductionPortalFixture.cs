using CecPortal.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CecPortal.IntegrationTests.Errors;

/// <summary>
/// The portal as operators run it: the Production environment with the settings it demands (an https public address,
/// the key ring's certificate), on the test's real PostgreSQL and SMTP sink. For the tests alone it has one address
/// that throws, <see cref="ThrowingPath"/>, placed after the portal's own endpoints; the product has none.
/// </summary>
public sealed class ProductionPortalFixture : PortalFixture
{
    public const string Origin = "https://portal.cec.example";

    public const string ThrowingPath = "/test-only/throws";

    /// <summary>What the exception says: what a careless error page would leak.</summary>
    public const string ExceptionText = "Npgsql failed running SELECT password_hash FROM users in /src/CecPortal.Web/Secret.cs:line 42";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["environment"] = "Production",
        ["Portal:BaseUrl"] = Origin,
        ["Jobs:ServerEnabled"] = "false",
        ["DataProtection:CertificatePath"] = KeyRingCertificate.Shared.Path,
        ["DataProtection:CertificatePassword"] = KeyRingCertificate.Shared.Password,
    };

    /// <summary>A client on the public https address (Production cookies are <c>__Host-</c>, Secure only); no redirects followed.</summary>
    public HttpClient CreateHttpsClient() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(Origin), AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpClient> SignedInHttpsClientAsync(string email)
    {
        var client = CreateHttpsClient();
        var response = await client.SignInAsync(email, PortalFactory.DemoPassword);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed with {(int)response.StatusCode}.");
        }

        return client;
    }

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddTransient<IStartupFilter, ThrowingEndpoint>();

    /// <summary>Runs after the portal's pipeline, so inside its exception handler, for requests no page answered.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(ThrowingPath, branch => branch.Run(_ => throw new InvalidOperationException(ExceptionText)));
        };
    }
}

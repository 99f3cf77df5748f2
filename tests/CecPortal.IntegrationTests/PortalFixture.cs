using CecPortal.Testing;
using CecPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CecPortal.IntegrationTests;

/// <summary>
/// One portal per test class: a fresh database cloned from the seeded template and its own SMTP sink.
/// Each portal has its own Hangfire storage and job activator, so classes can run side by side.
/// </summary>
public class PortalFixture : IAsyncLifetime
{
    public PortalFactory Factory { get; private set; } = null!;

    public SmtpSink Smtp { get; } = new();

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>This portal's own Hangfire storage (each app has its own; there is no process-wide one).</summary>
    public Hangfire.JobStorage JobStorage => Factory.Services.GetRequiredService<Hangfire.JobStorage>();

    /// <summary>Extra configuration for the portal, for fixtures that need different limits.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>True for the fixture of the password policy's tests: the portal hashes with its own iteration count.</summary>
    protected virtual bool ProductionPasswordHashing => false;

    /// <summary>Service replacements for fixtures that need them (a fake clock); none by default.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync("it");
        Factory = new PortalFactory(ConnectionString, Smtp.Port, Settings) { TestServices = ConfigureTestServices, ProductionPasswordHashing = ProductionPasswordHashing };
        _ = Factory.Server;
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects so tests can see them.</summary>
    public HttpClient CreateClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = CreateClient();
        var response = await client.SignInAsync(email, PortalFactory.DemoPassword);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed with {(int)response.StatusCode}.");
        }

        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Runs <paramref name="action"/> with a portal service from a fresh scope, as a request would.</summary>
    public async Task WithServiceAsync<TService>(Func<TService, Task> action)
        where TService : notnull
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<string> UserIdAsync(string email) =>
        WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Creates a confirmed account without a password (it cannot sign in) holding <paramref name="role"/>; returns its id.</summary>
    public Task<string> CreateUserAsync(string email, string fullName, string role, string? countryCode = null, string? sectorCode = null, bool suspended = false) =>
        TestUsers.CreateAsync(Factory.Services, new TestUser(email, fullName, role)
        {
            JobTitle = "CISO",
            Organisation = $"{fullName} Ltd",
            CountryCode = countryCode,
            SectorCode = sectorCode,
            Suspended = suspended,
        });

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();

        // Each class has its own database, so its idle pooled connections would otherwise linger for minutes.
        NpgsqlConnection.ClearAllPools();
        GC.SuppressFinalize(this);
    }
}

using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Membership.Attestation;
using CecPortal.Web.Infrastructure.Audit;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CecPortal.IntegrationTests.Membership.Attestation;

/// <summary>
/// A portal on a clock the tests move, for the yearly confirmation's schedule. The tests run the job themselves (its
/// daily schedule is taken off) and each works on accounts of its own, so the clock's moves do not cross tests.
/// </summary>
public sealed class AttestationPortalFixture : PortalFixture, IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public new async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Factory.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(MembershipAttestationJob.RecurringJobId);
    }

    /// <summary>A member who can sign in, due to confirm their role at <paramref name="dueAt"/> (none asked yet).</summary>
    public async Task<string> MemberDueAsync(string email, DateTimeOffset dueAt, string organisation = "Banca Esempio")
    {
        var id = await TestUsers.CreateAsync(Factory.Services, new TestUser(email, $"Attest {email.Split('@')[0]}", Roles.Member)
        {
            Password = PortalFactory.DemoPassword,
            JobTitle = "CISO",
            Organisation = organisation,
            CountryCode = "IT",
            SectorCode = "banking",
        });
        await WithDbAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(set => set.SetProperty(u => u.AttestationDueAt, dueAt), Token));
        return id;
    }

    public Task<int> RunJobAsync() => WithServiceAsync<MembershipAttestation, int>(a => a.RunAsync(Token));

    public Task<PortalUser> UserAsync(string id) => WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id, Token));

    public Task<int> AuditCountAsync(string id, string action) =>
        WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Subject == SecurityEvents.UserSubject(id) && e.Action == action, Token));

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    private async Task<TResult> WithServiceAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

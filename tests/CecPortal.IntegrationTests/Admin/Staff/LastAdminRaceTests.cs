using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Admin.Members;
using CecPortal.Web.Features.Admin.Staff;
using CecPortal.Web.Features.PersonalData;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Admin.Staff;

/// <summary>
/// Two Admins removing each other at the same moment (revoking the role, suspending, erasing): exactly one change wins
/// and the portal keeps one active Admin. Each test first sets every existing Admin aside, so exactly two are active.
/// </summary>
public sealed class LastAdminRaceTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const int Rounds = 5;

    [Fact]
    public async Task RevokeAdmin_TwoAdminsRevokeEachOtherAtOnce_OneIsRefusedAndOneAdminRemains()
    {
        for (var round = 0; round < Rounds; round++)
        {
            // Arrange
            var (a, b) = await TwoActiveAdminsAsync($"revoke{round}");

            // Act
            var outcomes = await Task.WhenAll(
                AttemptAsync<StaffAdministration>(staff => staff.RevokeAsync(b.Id, Roles.Admin, new Actor(a.Id, a.Email), CancellationToken.None)),
                AttemptAsync<StaffAdministration>(staff => staff.RevokeAsync(a.Id, Roles.Admin, new Actor(b.Id, b.Email), CancellationToken.None)));

            // Assert
            outcomes.Count(o => o is null).ShouldBe(1, $"round {round}");
            outcomes.Single(o => o is not null)!.ShouldBeOfType<AccountRuleException>().Message.ShouldContain("only active Admin");
            (await ActiveAdminIdsAsync()).Count.ShouldBe(1, $"round {round}");
        }
    }

    [Fact]
    public async Task Suspend_TwoAdminMembersSuspendEachOtherAtOnce_OneIsRefusedAndOneAdminRemains()
    {
        for (var round = 0; round < Rounds; round++)
        {
            // Arrange
            var (a, b) = await TwoActiveAdminsAsync($"suspend{round}");

            // Act
            var outcomes = await Task.WhenAll(
                AttemptAsync<MemberAdministration>(members => members.SuspendAsync(b.Id, "Race.", new Actor(a.Id, a.Email))),
                AttemptAsync<MemberAdministration>(members => members.SuspendAsync(a.Id, "Race.", new Actor(b.Id, b.Email))));

            // Assert
            outcomes.Count(o => o is null).ShouldBe(1, $"round {round}");
            outcomes.Single(o => o is not null)!.ShouldBeOfType<AccountRuleException>().Message.ShouldContain("only active Admin");
            (await ActiveAdminIdsAsync()).Count.ShouldBe(1, $"round {round}");
        }
    }

    [Fact]
    public async Task Erase_TwoAdminsEraseEachOtherAtOnce_OneIsRefusedAndOneAdminRemains()
    {
        for (var round = 0; round < Rounds; round++)
        {
            // Arrange
            var (a, b) = await TwoActiveAdminsAsync($"erase{round}");

            // Act
            var outcomes = await Task.WhenAll(
                AttemptAsync<AccountErasure>(erasure => erasure.EraseByAdminAsync(b.Id, "Race.", forCause: false, new Actor(a.Id, a.Email), CancellationToken.None)),
                AttemptAsync<AccountErasure>(erasure => erasure.EraseByAdminAsync(a.Id, "Race.", forCause: false, new Actor(b.Id, b.Email), CancellationToken.None)));

            // Assert
            outcomes.Count(o => o is null).ShouldBe(1, $"round {round}");
            outcomes.Single(o => o is not null)!.ShouldBeOfType<AccountRuleException>().Message.ShouldContain("only active Admin");
            (await ActiveAdminIdsAsync()).Count.ShouldBe(1, $"round {round}");
        }
    }

    [Fact]
    public async Task RevokeAndSuspend_AtOnceAcrossPaths_OneIsRefusedAndOneAdminRemains()
    {
        for (var round = 0; round < Rounds; round++)
        {
            // Arrange
            var (a, b) = await TwoActiveAdminsAsync($"mixed{round}");

            // Act
            var outcomes = await Task.WhenAll(
                AttemptAsync<StaffAdministration>(staff => staff.RevokeAsync(b.Id, Roles.Admin, new Actor(a.Id, a.Email), CancellationToken.None)),
                AttemptAsync<MemberAdministration>(members => members.SuspendAsync(a.Id, "Race.", new Actor(b.Id, b.Email))));

            // Assert
            outcomes.Count(o => o is null).ShouldBe(1, $"round {round}");
            (await ActiveAdminIdsAsync()).Count.ShouldBe(1, $"round {round}");
        }
    }

    private sealed record Admin(string Id, string Email);

    /// <summary>Suspends every Admin there is (directly, as arrangement), then creates two active Admins who are also members.</summary>
    private async Task<(Admin A, Admin B)> TwoActiveAdminsAsync(string label)
    {
        await portal.WithDbAsync(db => LastAdminRule.ActiveAdmins(db).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.SuspendedAt, DateTimeOffset.UtcNow)
            .SetProperty(u => u.SuspensionReason, "Set aside by a test.")));
        var a = await AdminMemberAsync($"{label}.a@race-demo.eu", $"Race {label} A");
        var b = await AdminMemberAsync($"{label}.b@race-demo.eu", $"Race {label} B");
        (await ActiveAdminIdsAsync()).ShouldBe([a.Id, b.Id], ignoreOrder: true);
        return (a, b);
    }

    private async Task<Admin> AdminMemberAsync(string email, string name)
    {
        var id = await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, name, Roles.Member));
        await portal.WithServiceAsync<UserManager<PortalUser>>(async users =>
            (await users.AddToRoleAsync((await users.FindByIdAsync(id))!, Roles.Admin)).Succeeded.ShouldBeTrue());
        return new Admin(id, email);
    }

    private Task<List<string>> ActiveAdminIdsAsync() => portal.WithDbAsync(db => LastAdminRule.ActiveAdmins(db).Select(u => u.Id).ToListAsync());

    /// <summary>Runs one change in its own scope (its own connection), as a request would; returns what it threw, if anything.</summary>
    private async Task<Exception?> AttemptAsync<TService>(Func<TService, Task> change)
        where TService : notnull
    {
        await Task.Yield();
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        try
        {
            await change(scope.ServiceProvider.GetRequiredService<TService>());
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}

using CecPortal.Web.Features.Admin.Staff;
using CecPortal.Web.Infrastructure.Audit;

namespace CecPortal.Web.Features.Admin.Members;

/// <summary>
/// Suspending and reinstating accounts (members, and staff who are not members): the account change, the end of open
/// sessions and the audit entry, in one save.
/// </summary>
public sealed class MemberAdministration(AppDbContext db, UserManager<PortalUser> users, AuditLog audit, TimeProvider clock)
{
    public const string SuspendAction = "member.suspend";
    public const string ReinstateAction = "member.reinstate";

    /// <summary>Refuses sign-in from now on and ends the member's open sessions (at their next security stamp check).</summary>
    public Task SuspendAsync(string userId, string reason, Actor actor) =>
        ChangeAsync(userId, SuspendAction, reason, actor, member => member.Suspend(reason, clock.GetUtcNow()));

    public Task ReinstateAsync(string userId, string reason, Actor actor) =>
        ChangeAsync(userId, ReinstateAction, reason, actor, member => member.Reinstate(reason));

    private async Task ChangeAsync(string userId, string action, string reason, Actor actor, Action<PortalUser> change)
    {
        // A member who is also an Admin may be suspended too: under the last-Admin lock, so the portal keeps one.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await LastAdminRule.LockAsync(db, CancellationToken.None);
        var member = await users.FindByIdAsync(userId);
        if (member is null || !(await users.GetRolesAsync(member)).Any(role => role == Roles.Member || Roles.Staff.Contains(role)))
        {
            throw new AccountRuleException("There is no such member or staff account.");
        }

        if (action == SuspendAction && userId == actor.Id)
        {
            throw new AccountRuleException("You cannot suspend your own account.");
        }

        if (action == SuspendAction && await LastAdminRule.IsLastActiveAdminAsync(db, userId, CancellationToken.None))
        {
            throw new AccountRuleException($"{member.FullName} is the portal's only active Admin. Make someone else an Admin before suspending them.");
        }

        change(member);
        audit.Record(actor, action, $"user:{member.Id}", reason.Trim());

        // The Identity store saves the whole unit of work: the suspension, the new security stamp and the
        // audit entry are committed by this one SaveChanges, or none of them is.
        var result = await users.UpdateSecurityStampAsync(member);
        if (!result.Succeeded)
        {
            throw new AccountRuleException(result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? "Someone else changed this member at the same moment. Reload the page and try again."
                : string.Join(' ', result.Errors.Select(e => e.Description)));
        }

        await transaction.CommitAsync();
    }
}

namespace CecPortal.Web.Features.Admin.Staff;

/// <summary>
/// The portal always keeps one active Admin (in the role, neither suspended nor erased). Every change that can take an
/// Admin away (revoking the role, suspending or erasing the account) runs in a transaction that first takes one
/// PostgreSQL advisory lock and then checks: two such changes are serialised, so they can never both see "another Admin
/// is left" and remove the last two at once.
/// </summary>
public static class LastAdminRule
{
    /// <summary>The transaction-level advisory lock key ("CECADM"), distinct from the briefing job's.</summary>
    private const long AdvisoryLockKey = 0x43_45_43_41_44_4D;

    /// <summary>Takes the lock for the rest of the current transaction (released at commit or rollback).</summary>
    public static async Task LockAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            // Outside a transaction the lock would end with the statement, and the check after it would protect nothing.
            throw new InvalidOperationException("The last-Admin lock needs an open transaction.");
        }

        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
    }

    /// <summary>Admins who can sign in and act: in the role, not suspended, not erased.</summary>
    public static IQueryable<PortalUser> ActiveAdmins(AppDbContext db) =>
        db.UsersInRole(Roles.Admin).ActiveMembers().Where(u => u.ErasedAt == null);

    /// <summary>Whether <paramref name="userId"/> is an active Admin and no other active Admin would remain without them.</summary>
    public static async Task<bool> IsLastActiveAdminAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
        await ActiveAdmins(db).AnyAsync(u => u.Id == userId, cancellationToken)
        && !await ActiveAdmins(db).AnyAsync(u => u.Id != userId, cancellationToken);
}

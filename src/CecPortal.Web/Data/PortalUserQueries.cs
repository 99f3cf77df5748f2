namespace CecPortal.Web.Data;

/// <summary>Filters over accounts that several features share, so each means the same thing everywhere.</summary>
public static class PortalUserQueries
{
    /// <summary>
    /// Accounts not suspended (members and staff alike): the ones that may sign in, open their feeds and receive email.
    /// Erased tombstones are not suspended either; they drop out through their cleared email, tokens and roles.
    /// </summary>
    public static IQueryable<PortalUser> ActiveMembers(this IQueryable<PortalUser> users) => users.Where(u => u.SuspendedAt == null);

    /// <summary>
    /// Accounts whose address is not marked undeliverable (issue 18): for the recipients of mailings only, never for
    /// access. A bounced member still signs in, and sees the banner asking to confirm or change the address.
    /// </summary>
    public static IQueryable<PortalUser> Deliverable(this IQueryable<PortalUser> users) => users.Where(u => u.UndeliverableSince == null);
}

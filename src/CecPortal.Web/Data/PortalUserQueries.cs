namespace CecPortal.Web.Data;

/// <summary>Filters over accounts that several features share, so each means the same thing everywhere.</summary>
public static class PortalUserQueries
{
    /// <summary>
    /// Accounts not suspended and not alumni (members and staff alike): the ones that may sign in. Erased tombstones are
    /// not suspended either; they drop out through their cleared email, tokens and roles. A lapsed member may still sign
    /// in (to confirm their role), so community content and mail use <see cref="InGoodStanding"/>.
    /// </summary>
    public static IQueryable<PortalUser> ActiveMembers(this IQueryable<PortalUser> users) => users.Where(u => u.SuspendedAt == null && u.LeftAt == null);

    /// <summary>
    /// Accounts that may read and receive community content (briefings, channels, webinars, consultations, the
    /// directory): active, and not lapsed for want of confirming their role.
    /// </summary>
    public static IQueryable<PortalUser> InGoodStanding(this IQueryable<PortalUser> users) => users.ActiveMembers().Where(u => u.LapsedAt == null);

    /// <summary>
    /// Accounts whose address is not marked undeliverable (issue 18): for the recipients of mailings only, never for
    /// access. A bounced member still signs in, and sees the banner asking to confirm or change the address.
    /// </summary>
    public static IQueryable<PortalUser> Deliverable(this IQueryable<PortalUser> users) => users.Where(u => u.UndeliverableSince == null);
}

namespace CecPortal.Web.Features.Sharing.Notifications;

/// <summary>The demo's notification state: its history counts as notified, so that starting a demo portal sends no mail.</summary>
public static class DemoNotifications
{
    /// <summary>
    /// Every account is notified up to <paramref name="upToSeq"/>, except <paramref name="pendingUserId"/>, who is notified
    /// up to <paramref name="historySeq"/> only: the messages after it reach them by email when they are away.
    /// </summary>
    public static Task QuietenAsync(AppDbContext db, long historySeq, long upToSeq, string pendingUserId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO sharing_activity ("UserId", "NotifiedUpToSeq")
            SELECT "Id", CASE WHEN "Id" = {pendingUserId} THEN {historySeq} ELSE {upToSeq} END FROM "AspNetUsers"
            ON CONFLICT ("UserId") DO UPDATE SET "NotifiedUpToSeq" = GREATEST(sharing_activity."NotifiedUpToSeq", EXCLUDED."NotifiedUpToSeq")
            """,
            cancellationToken);
}

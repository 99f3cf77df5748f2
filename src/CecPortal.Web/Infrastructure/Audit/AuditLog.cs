using System.Net;

namespace CecPortal.Web.Infrastructure.Audit;

/// <summary>
/// Adds audit entries to the current unit of work; the caller's SaveChanges commits them with the change.
/// The client address and user agent come from the current request, if there is one (none in jobs and commands).
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock, IHttpContextAccessor httpContextAccessor)
{
    public void Record(string? actorId, string actorName, string action, string subject, string? note = null)
    {
        var request = httpContextAccessor.HttpContext;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actorId,
            ActorName = actorName,
            Action = action,
            Subject = subject,
            Note = note,
            IpAddress = Normalize(request?.Connection.RemoteIpAddress),
            UserAgent = Shorten(request?.Request.Headers.UserAgent.ToString()),
        });
    }

    /// <summary>Records what a signed-in person did (see <see cref="Actor.Of"/>).</summary>
    public void Record(Actor actor, string action, string subject, string? note = null) =>
        Record(actor.Id, actor.Name, action, subject, note);

    /// <summary>Records and saves at once, for events that have no other change to commit with (sign-in, sign-out).</summary>
    public async Task RecordNowAsync(string? actorId, string actorName, string action, string subject, string? note = null)
    {
        Record(actorId, actorName, action, subject, note);
        await db.SaveChangesAsync();
    }

    // RemoteIpAddress already reflects X-Forwarded-For when the forwarded headers middleware runs before us.
    private static IPAddress? Normalize(IPAddress? address) =>
        address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;

    private static string? Shorten(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent) ? null
        : userAgent.Length <= AuditEntry.MaxUserAgentLength ? userAgent
        : userAgent[..AuditEntry.MaxUserAgentLength];
}

using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Caching.Memory;

namespace CecPortal.Web.Features.Sharing.Notifications;

/// <summary>
/// Notes that a signed-in member is in the portal, so that notification emails wait while they are. Every page request
/// passes here, so it stays cheap: an instance writes at most once a minute per member (a memory-cache entry says it
/// has), and the statement itself skips the write when another instance wrote less than a minute ago. Requests a page
/// makes by itself (the live stream, a script's refresh: <see cref="BackgroundRequests"/>) are not activity, as they
/// do not slide the session either: an unattended tab is someone away.
/// </summary>
public sealed class SharingActivityFilter(AppDbContext db, IMemoryCache cache, TimeProvider clock) : IAsyncPageFilter
{
    public static readonly TimeSpan WriteInterval = TimeSpan.FromMinutes(1);

    private static readonly string[] CommunityRoles = [Roles.Member, .. Roles.Staff];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            && CommunityRoles.Any(http.User.IsInRole)
            && !BackgroundRequests.IsBackground(http))
        {
            await RecordAsync(userId, http.RequestAborted);
        }

        await next();
    }

    private async Task RecordAsync(string userId, CancellationToken cancellationToken)
    {
        var key = (nameof(SharingActivityFilter), userId);
        if (cache.TryGetValue(key, out _))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var interval = WriteInterval;
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO sharing_activity ("UserId", "LastActiveAt", "NotifiedUpToSeq") VALUES ({userId}, {now}, 0)
            ON CONFLICT ("UserId") DO UPDATE SET "LastActiveAt" = EXCLUDED."LastActiveAt"
            WHERE sharing_activity."LastActiveAt" IS NULL OR sharing_activity."LastActiveAt" <= EXCLUDED."LastActiveAt" - {interval}
            """,
            cancellationToken);
        cache.Set(key, true, interval);
    }
}

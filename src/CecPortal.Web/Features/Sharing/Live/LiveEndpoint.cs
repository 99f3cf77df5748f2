using System.Buffers;
using CecPortal.Web.Features.Sharing.Channels;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;

namespace CecPortal.Web.Features.Sharing.Live;

/// <summary>
/// <c>GET /sharing/live</c>: the server-sent event stream of the sharing pages. It follows one topic (<c>?topic=</c>),
/// one channel (<c>?channel=</c>) or every channel the member may read, and answers 404 for a topic or channel the
/// member may not read, as the pages do. Each event's id is the message's change number, so a browser that reconnects
/// (EventSource does so by itself, sending <c>Last-Event-ID</c>) first gets every change it missed, from the database;
/// a page that has just loaded passes the number it was rendered at as <c>?after=</c> for the same reason.
/// Written by hand rather than with <c>TypedResults.ServerSentEvents</c> for the heartbeat comment that keeps proxies
/// from closing a quiet stream.
/// </summary>
public static class LiveEndpoint
{
    public const string Path = "/sharing/live";

    private const string EventStream = "text/event-stream";

    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    /// <summary>Maps the stream for members and staff (the <c>Community</c> policy); who gets which event is checked per event, in SQL.</summary>
    public static IEndpointConventionBuilder MapSharingLive(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, StreamAsync).RequireAuthorization(Policies.Community).WithMetadata(BackgroundRequests.Metadata);

    private static async Task StreamAsync(HttpContext context, Guid? topic, Guid? channel, long? after, ChannelAccess access, LiveStreams streams, LiveDispatcher dispatcher, TimeProvider clock)
    {
        // Only an event stream reader (EventSource always asks for one) holds a connection open; a stray GET does not.
        if (!context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.StatusCode = StatusCodes.Status406NotAcceptable;
            return;
        }

        var userId = Actor.Of(context.User).Id;
        var cancellationToken = context.RequestAborted;
        Guid? channelId = channel;
        if (topic is { } topicId)
        {
            channelId = await access.ReadableTopics(userId).Where(t => t.Id == topicId).Select(t => (Guid?)t.ChannelId).FirstOrDefaultAsync(cancellationToken);
            if (channelId is null || (channel is not null && channel != channelId))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }
        else if (channelId is { } id && !await access.MayReadAsync(userId, id, cancellationToken))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // Where the stream starts: the browser's last event id when it reconnects, the number its page was rendered at,
        // or else the latest change, read BEFORE the stream is registered. Every change after it is then either replayed
        // below (committed before the replay is read) or pushed to the registered stream (committed after): a change
        // committed between the registration and a later read of the latest change would be neither.
        var since = LastEventId(context) ?? after ?? await dispatcher.CurrentAsync(cancellationToken);

        // Registered before the replay is read, so that no change falls between the two.
        var stream = streams.Open(userId, channelId, topic);
        if (stream is null)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }

        try
        {
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            context.Response.ContentType = EventStream;
            context.Response.Headers.CacheControl = "no-cache, no-store";
            context.Response.Headers["X-Accel-Buffering"] = "no";
            await WriteAsync(context, "retry: 5000\n\n", cancellationToken);

            var resumeFrom = since;
            foreach (var missed in await dispatcher.ReplayAsync(stream, since, cancellationToken))
            {
                resumeFrom = Math.Max(resumeFrom, missed.ChangeSeq);
                await WriteAsync(context, missed.Wire, cancellationToken);
            }

            // An id without data sets the browser's last event id and fires no event: a stream closed before its first
            // event (a push that failed) still reconnects with an id, and replays from it rather than from nothing.
            await WriteAsync(context, $"id: {resumeFrom.ToString(CultureInfo.InvariantCulture)}\n\n", cancellationToken);

            // The stream ends with the session as it stood when it opened (the stream does not extend it): the browser
            // reconnects, and the reconnection is authenticated afresh, or refused once the session is over.
            using var session = SessionEnd(context, clock);
            using var open = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, session.Token);
            await PumpAsync(context, stream, resumeFrom, open.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            // The session ended.
        }
        catch (OperationCanceledException)
        {
            // The browser went away.
        }
        finally
        {
            streams.Remove(stream);
        }
    }

    /// <summary>
    /// Writes queued events as they come, a comment when nothing came for a while, until the stream is closed. Events of
    /// changes up to <paramref name="resumeFrom"/> are dropped: the stream has replayed them, or started after them. The
    /// database's notification of a change can reach this instance after a stream opened later than the change committed
    /// (its listener is behind under load); pushed anyway, it would move the browser's last event id back.
    /// </summary>
    private static async Task PumpAsync(HttpContext context, LiveStream stream, long resumeFrom, CancellationToken cancellationToken)
    {
        // One timer per stream, pushed back on every wake: not a new one for every batch of events.
        var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (true)
            {
                quiet.CancelAfter(Heartbeat);
                bool more;
                try
                {
                    more = await stream.Events.WaitToReadAsync(quiet.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    quiet.Dispose();
                    quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    await WriteAsync(context, ": heartbeat\n\n", cancellationToken);
                    continue;
                }

                if (!more)
                {
                    return;
                }

                // Every event queued so far goes out in one flush: under load a stream catches up in one write, not one each.
                var body = context.Response.BodyWriter;
                var written = false;
                while (stream.Events.TryRead(out var next))
                {
                    if (next.ChangeSeq > resumeFrom)
                    {
                        body.Write(next.Wire.Span);
                        written = true;
                    }
                }

                if (written)
                {
                    await body.FlushAsync(cancellationToken);
                }
            }
        }
        finally
        {
            quiet.Dispose();
        }
    }

    private static CancellationTokenSource SessionEnd(HttpContext context, TimeProvider clock)
    {
        var expires = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.ExpiresUtc;
        return expires is { } end
            ? new CancellationTokenSource(TimeSpan.FromTicks(Math.Max(end.Subtract(clock.GetUtcNow()).Ticks, TimeSpan.TicksPerMillisecond)), clock)
            : new CancellationTokenSource();
    }

    private static async Task WriteAsync(HttpContext context, ReadOnlyMemory<byte> wire, CancellationToken cancellationToken)
    {
        await context.Response.BodyWriter.WriteAsync(wire, cancellationToken);
    }

    private static async Task WriteAsync(HttpContext context, string text, CancellationToken cancellationToken)
    {
        if (text.Length == 0)
        {
            return;
        }

        await context.Response.WriteAsync(text, cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    private static long? LastEventId(HttpContext context) =>
        long.TryParse(context.Request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}

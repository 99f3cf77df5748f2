using System.Threading.Channels;
using Npgsql;

namespace CecPortal.Web.Features.Sharing.Live;

/// <summary>
/// Each instance's one listener: a dedicated connection that LISTENs on <c>sharing</c> and hands each notification to
/// <see cref="LiveDispatcher"/>. When the connection drops (a database restart, a network cut) it reconnects with
/// growing back-off and first replays every change after the last one it saw, so the streams lose nothing. A timer
/// runs the sweep that closes the streams of members who may no longer read.
/// </summary>
public sealed partial class LiveListener(
    IServiceScopeFactory scopes,
    LiveStreams streams,
    IOptions<SharingOptions> options,
    ILogger<LiveListener> logger) : BackgroundService
{
    /// <summary>The connection's name in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "cecportal-sharing-live";

    /// <summary>Changes read in one query at most; a longer queue is taken in several batches.</summary>
    private const int MaxBatch = 500;

    /// <summary>How long the connection may sit silent before it is checked with a query.</summary>
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(30);

    private readonly Channel<LiveChange> _changes = Channel.CreateUnbounded<LiveChange>(new UnboundedChannelOptions { SingleReader = true });

    private long _lastSeen = -1;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), DispatchAsync(stoppingToken), SweepAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var backOff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (LiveChange.Parse(e.Payload) is { } change)
                    {
                        _changes.Writer.TryWrite(change);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {LiveChange.NotifyChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Listening already, so nothing committed from now on is missed; what came while away is replayed.
                await CatchUpAsync(stoppingToken);
                backOff = TimeSpan.FromSeconds(1);
                LogListening(logger, Interlocked.Read(ref _lastSeen));
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(IdleCheck, stoppingToken))
                    {
                        await using var check = new NpgsqlCommand("SELECT 1", connection);
                        await check.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
            {
                LogConnectionLost(logger, ex, backOff.TotalSeconds);
                await Task.Delay(backOff, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                backOff = TimeSpan.FromTicks(Math.Min(backOff.Ticks * 2, MaxBackOff.Ticks));
            }
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var builder = new NpgsqlConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString())
        {
            // Outside the pool: a LISTEN belongs to this one connection, never to a request that borrows it next.
            Pooling = false,
            ApplicationName = ApplicationName,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>On the first connection, starts from now; on a reconnection, queues every change since the last one seen.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var dispatcher = scope.ServiceProvider.GetRequiredService<LiveDispatcher>();
        var lastSeen = Interlocked.Read(ref _lastSeen);
        if (lastSeen < 0)
        {
            Interlocked.CompareExchange(ref _lastSeen, await dispatcher.CurrentAsync(cancellationToken), -1);
            return;
        }

        foreach (var change in await dispatcher.ChangesAfterAsync(lastSeen, cancellationToken))
        {
            _changes.Writer.TryWrite(change);
        }
    }

    /// <summary>
    /// Pushes the changes queued so far as one batch (one query, one pooled connection, however many came at once), in
    /// change order; a burst of posts then costs a few queries rather than one each.
    /// </summary>
    private async Task DispatchAsync(CancellationToken stoppingToken)
    {
        // A change replayed after a reconnection may also arrive as a notification: each is pushed once.
        var recent = new HashSet<long>();
        var order = new Queue<long>();
        try
        {
            while (await _changes.Reader.WaitToReadAsync(stoppingToken))
            {
                var batch = new List<LiveChange>();
                while (batch.Count < MaxBatch && _changes.Reader.TryRead(out var change))
                {
                    if (!recent.Add(change.ChangeSeq))
                    {
                        continue;
                    }

                    batch.Add(change);
                    order.Enqueue(change.ChangeSeq);
                    if (order.Count > 10_000)
                    {
                        recent.Remove(order.Dequeue());
                    }
                }

                if (batch.Count == 0)
                {
                    continue;
                }

                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<LiveDispatcher>().DispatchAsync(batch, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Changes that cannot be pushed (the database went away) must not stop the next ones. The streams
                    // that might have received them are closed: their browsers reconnect with the last id they
                    // received and replay the changes from the database.
                    LogDispatchFailed(logger, ex, batch.Count, batch.Min(c => c.ChangeSeq), batch.Max(c => c.ChangeSeq));
                    streams.CloseFollowing([.. batch.Select(c => c.ChannelId).Distinct()]);
                }

                InterlockedMax(ref _lastSeen, batch.Max(c => c.ChangeSeq));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LiveSweepInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<LiveDispatcher>().SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSweepFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sharing live updates: listening, after change {ChangeSeq}.")]
    private static partial void LogListening(ILogger logger, long changeSeq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sharing live updates: the listening connection failed; trying again in {Seconds} s.")]
    private static partial void LogConnectionLost(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sharing live updates: {Count} changes ({FirstChangeSeq} to {LastChangeSeq}) could not be pushed; the streams concerned are closed and replay them.")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, int count, long firstChangeSeq, long lastChangeSeq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sharing live updates: the sweep of open streams failed; it runs again at the next interval.")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}

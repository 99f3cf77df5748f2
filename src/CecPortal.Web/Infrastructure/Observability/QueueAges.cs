using System.Diagnostics.Metrics;
using Npgsql;

namespace CecPortal.Web.Infrastructure.Observability;

/// <summary>
/// Two gauges for "is mail or work piling up": the age in seconds of the oldest unsent outbox email and of the oldest
/// job waiting in a Hangfire queue (0 when none). Read with two indexed queries at most every few seconds, whatever
/// the collection interval; a failed read reports nothing rather than a misleading zero.
/// </summary>
public sealed class QueueAges : IHostedService, IDisposable
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly ILogger<QueueAges> _logger;
    private readonly Meter _meter = new(PortalTelemetry.QueuesName);
    private readonly Lock _gate = new();
    private (double Outbox, double Jobs)? _ages;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public QueueAges(string connectionString, TimeProvider clock, ILogger<QueueAges> logger)
    {
        _connectionString = connectionString;
        _clock = clock;
        _logger = logger;
        _meter.CreateObservableGauge("cecportal.email.outbox.oldest_age", () => Observe(a => a.Outbox), "s", "Age of the oldest email waiting in the outbox.");
        _meter.CreateObservableGauge("cecportal.jobs.queue.oldest_age", () => Observe(a => a.Jobs), "s", "Age of the oldest job waiting in a Hangfire queue.");
    }

    /// <summary>Both ages now (cached for a few seconds), or null when the database cannot be read.</summary>
    public (double Outbox, double Jobs)? Read()
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (now - _readAt < CacheFor)
            {
                return _ages;
            }

            _readAt = now;
            try
            {
                using var connection = new NpgsqlConnection(_connectionString);
                connection.Open();
                using var command = new NpgsqlCommand(
                    """
                    SELECT
                      coalesce(extract(epoch FROM now() - (SELECT min("CreatedAt") FROM outbound_emails WHERE "SentAt" IS NULL)), 0)::float8,
                      coalesce(extract(epoch FROM now() - (
                        SELECT min(s.createdat) FROM hangfire.jobqueue AS q
                        JOIN hangfire.job AS j ON j.id = q.jobid
                        JOIN hangfire.state AS s ON s.id = j.stateid
                        WHERE q.fetchedat IS NULL)), 0)::float8
                    """,
                    connection)
                { CommandTimeout = 5 };
                using var reader = command.ExecuteReader();
                reader.Read();
                _ages = (Math.Max(0, reader.GetDouble(0)), Math.Max(0, reader.GetDouble(1)));
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                _logger.LogWarning("Queue ages could not be read: {Error}", ex.GetType().Name);
                _ages = null;
            }

            return _ages;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<double>> Observe(Func<(double Outbox, double Jobs), double> pick) =>
        Read() is { } ages ? [new Measurement<double>(pick(ages))] : [];
}

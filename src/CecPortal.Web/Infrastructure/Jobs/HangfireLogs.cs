using Hangfire.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using MicrosoftLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace CecPortal.Web.Infrastructure.Jobs;

/// <summary>
/// Hangfire's log provider, which Hangfire keeps process-wide (<c>LogProvider</c>): it writes to the logging of the
/// newest host still running in the process. Hangfire's own ASP.NET Core provider holds the logger factory of the host
/// that configured Hangfire last; in a process with more than one host (the tests, a benchmark) that host's shutdown
/// disposed the factory under the others, and their job workers failed on every log line until they backed off.
/// With one host, as in production, it is that host's logging.
/// </summary>
public sealed class HangfireLogs : ILogProvider
{
    public static readonly HangfireLogs Instance = new();

    private readonly Lock _lock = new();
    private readonly List<ILoggerFactory> _hosts = [];

    private HangfireLogs()
    {
    }

    public ILog GetLogger(string name) => new HostLog(this, name);

    private ILogger? Logger(string name)
    {
        ILoggerFactory? factory;
        lock (_lock)
        {
            factory = _hosts.Count == 0 ? null : _hosts[^1];
        }

        try
        {
            return factory?.CreateLogger(name);
        }
        catch (ObjectDisposedException)
        {
            // The host stopped between the look-up and the call.
            return null;
        }
    }

    /// <summary>A host's logging, attached while the host's services live (a singleton, disposed with them).</summary>
    public sealed class Attachment : IDisposable
    {
        private readonly ILoggerFactory _factory;

        public Attachment(ILoggerFactory factory)
        {
            _factory = factory;
            lock (Instance._lock)
            {
                Instance._hosts.Add(factory);
            }
        }

        public void Dispose()
        {
            lock (Instance._lock)
            {
                Instance._hosts.Remove(_factory);
            }
        }
    }

    private sealed class HostLog(HangfireLogs logs, string name) : ILog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var logger = logs.Logger(name);
            var level = logLevel switch
            {
                HangfireLogLevel.Trace => MicrosoftLogLevel.Trace,
                HangfireLogLevel.Debug => MicrosoftLogLevel.Debug,
                HangfireLogLevel.Info => MicrosoftLogLevel.Information,
                HangfireLogLevel.Warn => MicrosoftLogLevel.Warning,
                HangfireLogLevel.Error => MicrosoftLogLevel.Error,
                HangfireLogLevel.Fatal => MicrosoftLogLevel.Critical,
                _ => MicrosoftLogLevel.None,
            };
            if (logger is null || !logger.IsEnabled(level))
            {
                return false;
            }

            // Hangfire asks with no message to learn whether the level is on.
            if (messageFunc is not null)
            {
#pragma warning disable CA2254 // Hangfire's messages are already formatted text, not templates.
                logger.Log(level, exception, messageFunc());
#pragma warning restore CA2254
            }

            return true;
        }
    }
}

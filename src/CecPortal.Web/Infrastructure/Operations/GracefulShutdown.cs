using Hangfire;

namespace CecPortal.Web.Infrastructure.Operations;

/// <summary>How the Hangfire server stops inside the host's stop budget.</summary>
public static class GracefulShutdown
{
    /// <summary>
    /// On stop, workers take no new job and every running job's cancellation token fires at once: the outbox sender
    /// and the briefing senders finish the message in hand, mark it, and give their other rows back. A job that
    /// stops this way stays in its queue, so Hangfire hands it to a worker of this or another instance.
    /// </summary>
    public static void Apply(BackgroundJobServerOptions server, ShutdownOptions shutdown)
    {
        server.StopTimeout = TimeSpan.Zero;
        server.ShutdownTimeout = shutdown.Timeout;
    }
}

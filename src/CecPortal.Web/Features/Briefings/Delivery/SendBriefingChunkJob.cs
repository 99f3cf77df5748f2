using Hangfire;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>
/// Sends one chunk (at most <c>Briefings:ChunkSize</c> messages) of a briefing's fan-out, so that no job runs
/// anywhere near Hangfire's invisibility timeout and several servers share the work. Arguments are ids only.
/// </summary>
public sealed class SendBriefingChunkJob(SendDeliveryChunkJob chunks)
{
    /// <summary>The chunk number of follow-ups (after a back-off, a sweep or a staff retry): any ready rows.</summary>
    public const int FollowUp = 0;

    /// <summary>
    /// If the SMTP server cannot be reached, nothing was attempted and the rows were given back; Hangfire's
    /// retries try the chunk again (the sweep would too).
    /// </summary>
    [AutomaticRetry(Attempts = 5)]
    public Task RunAsync(Guid briefingId, int chunk, CancellationToken cancellationToken) =>
        chunks.RunAsync(DeliveryKind.Briefing, briefingId, chunk, cancellationToken);
}

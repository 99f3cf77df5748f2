using Hangfire;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>
/// Sends one chunk of any ledger subject's fan-out (an urgent alert; briefings enter through
/// <see cref="SendBriefingChunkJob"/>). Arguments are the kind and the id only.
/// </summary>
public sealed class SendDeliveryChunkJob(BriefingFanOut fanOut, BriefingDeliveryQueue queue)
{
    /// <summary>As for the briefing: an unreachable SMTP server gives the rows back, and Hangfire's retries try again.</summary>
    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(DeliveryKind kind, Guid subjectId, int chunk, CancellationToken cancellationToken)
    {
        var subject = new DeliverySubject(kind, subjectId);
        var result = await fanOut.SendChunkAsync(subject, cancellationToken);
        await queue.ContinueAfterChunkAsync(subject, chunk, result, cancellationToken);
    }
}

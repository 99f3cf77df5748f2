using Hangfire;

namespace CecPortal.Web.Features.Membership.Attestation;

/// <summary>The daily job behind <see cref="MembershipAttestation.RunAsync"/>: no arguments, each run finds who is due.</summary>
public sealed class MembershipAttestationJob(MembershipAttestation attestation, ILogger<MembershipAttestationJob> logger)
{
    public const string RecurringJobId = "membership-attestations";

    /// <summary>Daily, in the early morning (UTC), before the briefing fan-out reads who is in good standing.</summary>
    public const string Cron = "40 4 * * *";

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var steps = await attestation.RunAsync(cancellationToken);
        if (steps > 0)
        {
            logger.LogInformation("Membership attestations: {Steps} requests, reminders or lapses.", steps);
        }
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CecPortal.Web.Infrastructure.Observability;

/// <summary>
/// The portal's own traces and metrics. Tags stay low-cardinality (a kind, a job type, an outcome): never an
/// address, a name or an id, so that nothing personal leaves the process and series counts stay small.
/// </summary>
public static class PortalTelemetry
{
    public const string ServiceName = "cec-portal";

    public const string EmailName = "CecPortal.Email";

    public const string JobsName = "CecPortal.Jobs";

    public const string QueuesName = "CecPortal.Queues";

    public static readonly ActivitySource EmailSource = new(EmailName);

    public static readonly ActivitySource JobsSource = new(JobsName);

    private static readonly Meter EmailMeter = new(EmailName);

    private static readonly Meter JobsMeter = new(JobsName);

    /// <summary>Messages an SMTP server accepted (or, in Development without one, kept for /dev/mailbox).</summary>
    public static readonly Counter<long> EmailsSent = EmailMeter.CreateCounter<long>("cecportal.email.sent", "{email}", "Emails accepted by the SMTP server.");

    /// <summary>Send attempts that failed (a retry that then succeeds counts once here and once in sent).</summary>
    public static readonly Counter<long> EmailsFailed = EmailMeter.CreateCounter<long>("cecportal.email.failed", "{email}", "Email send attempts that failed.");

    public static readonly Histogram<double> JobDuration = JobsMeter.CreateHistogram<double>(
        "cecportal.jobs.duration", "s", "How long Hangfire jobs ran, by job type and outcome.");

    public static class EmailKind
    {
        /// <summary>One message from the outbox: confirmations, password links, webinar mail, notices.</summary>
        public const string Transactional = "transactional";

        /// <summary>The morning briefing fan-out.</summary>
        public const string Briefing = "briefing";

        /// <summary>An urgent alert of the sharing space, sent through the briefing's ledger.</summary>
        public const string UrgentAlert = "urgent-alert";
    }

    public static void RecordEmailSent(string kind) => EmailsSent.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public static void RecordEmailFailed(string kind) => EmailsFailed.Add(1, new KeyValuePair<string, object?>("kind", kind));
}

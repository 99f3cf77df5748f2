namespace CecPortal.Web.Infrastructure.Operations;

/// <summary>How long a stopping portal waits for in-flight requests and jobs (section <c>Shutdown</c>).</summary>
public sealed class ShutdownOptions : IValidatableObject
{
    public const string Section = "Shutdown";

    /// <summary>
    /// The host's whole stop budget: Kestrel finishes in-flight requests, Hangfire jobs see their cancellation token at
    /// once, finish the message in hand and give the rest back. Keep it below the orchestrator's kill grace period
    /// (Docker's default is 10 s: use <c>docker stop -t 40</c> or <c>stop_grace_period</c>).
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Sets the host's stop budget from <c>Shutdown__Timeout</c>. The host reads its options while it is built, before
    /// start-up validation reports every bad setting at once, so an invalid value is left to that report here.
    /// </summary>
    public static void ApplyTo(HostOptions host, IConfiguration configuration)
    {
        var shutdown = new ShutdownOptions();
        try
        {
            configuration.GetSection(Section).Bind(shutdown);
        }
        catch (InvalidOperationException)
        {
            return;
        }

        if (!shutdown.Validate(new ValidationContext(shutdown)).Any())
        {
            host.ShutdownTimeout = shutdown.Timeout;
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Timeout < TimeSpan.FromSeconds(1) || Timeout > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult($"Shutdown__Timeout must be between 00:00:01 and 00:10:00 (was {Timeout})", [nameof(Timeout)]);
        }
    }
}

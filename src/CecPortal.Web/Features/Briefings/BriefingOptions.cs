namespace CecPortal.Web.Features.Briefings;

/// <summary>The morning briefing's schedule and fan-out settings (section <c>Briefings</c>).</summary>
public sealed class BriefingOptions : IValidatableObject
{
    public const string Section = "Briefings";

    /// <summary>Cron expression of the morning job, in <see cref="TimeZone"/>.</summary>
    [Required]
    public string SendCron { get; set; } = "0 7 * * *";

    /// <summary>IANA time zone of the send time and of "today's" edition date.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Brussels";

    /// <summary>Most messages one chunk job sends; the morning job enqueues ceil(pending / ChunkSize) chunk jobs.</summary>
    [Range(1, 100_000)]
    public int ChunkSize { get; set; } = 500;

    /// <summary>Most SMTP connections one portal process keeps open for the fan-out, whatever Hangfire's worker count.</summary>
    [Range(1, 64)]
    public int SmtpConcurrency { get; set; } = 4;

    /// <summary>Attempts per member, transient failures included, before a delivery is marked Failed.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>How long a chunk job owns the rows it claimed; a crashed job's rows are sent by another after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether each "sent" mark waits for its WAL flush. Off by default for the senders' own connections: a crash of
    /// the portal still repeats at most the one message in flight per connection (PostgreSQL keeps running and writes
    /// the mark), and only a crash of the database server itself may lose the last ~0.6 s of marks, whose messages then
    /// go out again with the same Message-ID (mail clients fold them). On: about a third slower where a flush is slow.
    /// </summary>
    public bool DurableSentMarks { get; set; }

    /// <summary>
    /// Waits after the 1st, 2nd, ... transient failure, comma-separated (<c>hh:mm:ss</c>); the last one repeats.
    /// A string rather than a list: the configuration binder appends to a list's defaults instead of replacing them.
    /// </summary>
    [Required]
    public string RetryBackoff { get; set; } = "00:01:00, 00:05:00, 00:15:00, 01:00:00";

    /// <summary>
    /// How long one portal instance keeps a published edition in memory for the members reading it (they all open the
    /// same one within minutes of the morning email). A change saved on this instance shows at once; one saved on
    /// another instance within this time. Zero reads the database on every page.
    /// </summary>
    public TimeSpan ReadCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    public TimeZoneInfo ResolveTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Today's edition date in the briefing time zone.</summary>
    public DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ResolveTimeZone()).DateTime);

    /// <summary>The back-off steps of <see cref="RetryBackoff"/>.</summary>
    public IReadOnlyList<TimeSpan> RetryBackoffSteps() => ParseBackoff(RetryBackoff)
        ?? throw new InvalidOperationException("Briefings:RetryBackoff is not a list of durations.");

    /// <summary>The wait after failed attempt number <paramref name="attempts"/> (1 for the first failure).</summary>
    public TimeSpan BackoffAfter(int attempts)
    {
        var steps = RetryBackoffSteps();
        return steps[Math.Clamp(attempts - 1, 0, steps.Count - 1)];
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LeaseDuration < TimeSpan.FromSeconds(1) || LeaseDuration > TimeSpan.FromHours(2))
        {
            yield return new ValidationResult("Briefings:LeaseDuration must be between 1 second and 2 hours.", [nameof(LeaseDuration)]);
        }

        if (ReadCacheDuration < TimeSpan.Zero || ReadCacheDuration > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult("Briefings:ReadCacheDuration must be between 0 and 5 minutes (0 turns the cache off).", [nameof(ReadCacheDuration)]);
        }

        if (ParseBackoff(RetryBackoff) is null)
        {
            yield return new ValidationResult(
                "Briefings:RetryBackoff must list one or more durations between 0 and 1 day, comma-separated (e.g. \"00:01:00, 00:05:00\").",
                [nameof(RetryBackoff)]);
        }

        TimeZoneInfo? zone = null;
        try
        {
            zone = ResolveTimeZone();
        }
        catch (TimeZoneNotFoundException)
        {
        }

        if (zone is null)
        {
            yield return new ValidationResult($"Briefings:TimeZone '{TimeZone}' is not a known IANA time zone.", [nameof(TimeZone)]);
        }
    }

    private static List<TimeSpan>? ParseBackoff(string? text)
    {
        var parts = (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var steps = new List<TimeSpan>();
        foreach (var part in parts)
        {
            if (!TimeSpan.TryParse(part, CultureInfo.InvariantCulture, out var step) || step < TimeSpan.Zero || step > TimeSpan.FromDays(1))
            {
                return null;
            }

            steps.Add(step);
        }

        return steps.Count == 0 ? null : steps;
    }
}

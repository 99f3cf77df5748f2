using CecPortal.Web.Features.Membership.Applications;

namespace CecPortal.Web.Features.Privacy;

/// <summary>
/// How long personal data is kept before the retention jobs delete it. The same values feed the data
/// inventory on <c>/privacy</c>, so what the portal says and what it does never disagree.
/// </summary>
public sealed class RetentionOptions : IValidatableObject
{
    public const string Section = "Retention";

    private static readonly TimeSpan Shortest = TimeSpan.FromDays(1);
    private static readonly TimeSpan Longest = TimeSpan.FromDays(3653);

    /// <summary>Applications whose email address was never confirmed.</summary>
    public TimeSpan UnverifiedApplications { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Declined and withdrawn applications, with their timeline, reviews and flags, counted from the decision.</summary>
    public TimeSpan ClosedApplications { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Per-member rows of the briefing delivery ledger (counts per briefing are kept).</summary>
    public TimeSpan DeliveryDetails { get; set; } = TimeSpan.FromDays(396);

    /// <summary>Sent messages in the outbox (recipient, subject and send time; the bodies are already gone).</summary>
    public TimeSpan SentEmails { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The client address and user agent on audit entries; the entry itself is kept.</summary>
    public TimeSpan AuditClientDetails { get; set; } = TimeSpan.FromDays(396);

    /// <summary>Messages in the sharing space, with their earlier versions, mentions and "seen it too", counted from posting.</summary>
    public TimeSpan Messages { get; set; } = TimeSpan.FromDays(730);

    /// <summary>TLP:RED messages in the sharing space: shared for the moment, not kept.</summary>
    public TimeSpan RedMessages { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Closed reports of sharing-space messages (with the reporter's note and the copy of the text), counted from the decision.</summary>
    public TimeSpan MessageReports { get; set; } = TimeSpan.FromDays(730);

    /// <summary>Consultation answers saved as a draft and never submitted, counted from the consultation's close.</summary>
    public TimeSpan ConsultationDrafts { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Rows deleted per statement, so that a large backlog never holds long locks.</summary>
    [Range(10, 100_000)]
    public int BatchSize { get; set; } = 1000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in Periods())
        {
            if (value < Shortest || value > Longest)
            {
                yield return new ValidationResult($"Retention:{name} must be between 1 day and 10 years (it is {value}).", [name]);
            }
        }

        if (RedMessages > Messages)
        {
            yield return new ValidationResult($"Retention:{nameof(RedMessages)} must not be longer than Retention:{nameof(Messages)}.", [nameof(RedMessages)]);
        }

        if (UnverifiedApplications < MembershipApplication.VerificationWindow)
        {
            yield return new ValidationResult(
                $"Retention:{nameof(UnverifiedApplications)} must be at least the {MembershipApplication.VerificationWindow.TotalDays:0} days the confirmation link is valid.",
                [nameof(UnverifiedApplications)]);
        }
    }

    public IEnumerable<(string Name, TimeSpan Value)> Periods() =>
    [
        (nameof(UnverifiedApplications), UnverifiedApplications),
        (nameof(ClosedApplications), ClosedApplications),
        (nameof(DeliveryDetails), DeliveryDetails),
        (nameof(SentEmails), SentEmails),
        (nameof(AuditClientDetails), AuditClientDetails),
        (nameof(Messages), Messages),
        (nameof(RedMessages), RedMessages),
        (nameof(MessageReports), MessageReports),
        (nameof(ConsultationDrafts), ConsultationDrafts),
    ];

    /// <summary>A period as a person says it: "7 days", "13 months", "2 years", "36 hours".</summary>
    public static string Describe(TimeSpan period)
    {
        if (period.Ticks % TimeSpan.TicksPerDay != 0)
        {
            var hours = period.TotalHours;
            return hours == 1 ? "1 hour" : string.Create(CultureInfo.InvariantCulture, $"{hours:0.#} hours");
        }

        var days = (int)period.TotalDays;
        if (days >= 365 && days % 365 == 0)
        {
            var years = days / 365;
            return years == 1 ? "1 year" : string.Create(CultureInfo.InvariantCulture, $"{years} years");
        }

        // A month is 30.44 days on average; 396 days reads as "13 months".
        var months = (int)Math.Round(days / 30.436875);
        if (days >= 56 && Math.Abs((months * 30.436875) - days) <= 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{months} months");
        }

        return days == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{days} days");
    }
}

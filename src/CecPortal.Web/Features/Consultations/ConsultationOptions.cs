namespace CecPortal.Web.Features.Consultations;

/// <summary>The consultations' settings (section <c>Consultations</c>).</summary>
public sealed class ConsultationOptions
{
    public const string Section = "Consultations";

    /// <summary>
    /// The smallest group of respondents any published figure may describe (k-anonymity): smaller countries, sectors
    /// and cells are merged into "other" or suppressed. At least 2; 5 unless configured.
    /// </summary>
    [Range(2, 100, ErrorMessage = "Consultations:MinGroupSize must be between 2 and 100 (5 unless set).")]
    public int MinGroupSize { get; set; } = 5;

    /// <summary>How long before the deadline the one reminder goes to those who have not submitted.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00", ErrorMessage = "Consultations:ReminderBeforeDeadline must be between 1 hour and 30 days (3.00:00:00 unless set).")]
    public TimeSpan ReminderBeforeDeadline { get; set; } = TimeSpan.FromDays(3);
}

namespace CecPortal.Web.Features.Sharing.Alerts;

/// <summary>Urgent alerts' settings, in the sharing space's section (<c>Sharing:Alert*</c>).</summary>
public sealed class UrgentAlertOptions : IValidatableObject
{
    /// <summary>How long an active alert stays pinned unless staff end it earlier.</summary>
    public TimeSpan AlertPinnedFor { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Alerts raised or confirmed per channel per hour, across instances (counted in the database).</summary>
    [Range(1, 100)]
    public int AlertsPerChannelPerHour { get; set; } = 3;

    /// <summary>Alerts one member may propose per hour.</summary>
    [Range(1, 100)]
    public int AlertProposalsPerMemberPerHour { get; set; } = 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AlertPinnedFor < TimeSpan.FromMinutes(5) || AlertPinnedFor > TimeSpan.FromDays(30))
        {
            yield return new ValidationResult("Sharing:AlertPinnedFor must be between 5 minutes and 30 days (e.g. 3.00:00:00).", [nameof(AlertPinnedFor)]);
        }
    }
}

namespace CecPortal.Web.Features.Sharing;

/// <summary>The sharing space's rules that operators may tune (section <c>Sharing</c>).</summary>
public sealed class SharingOptions : IValidatableObject
{
    public const string Section = "Sharing";

    /// <summary>How long after posting the author may still edit a message.</summary>
    public TimeSpan EditWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Messages (new topics and replies) one member may post per minute, on one instance.</summary>
    [Range(1, 600)]
    public int PostsPerMinute { get; set; } = 10;

    /// <summary>
    /// Messages being written at once on one instance (each holds a database connection); a post beyond it waits at
    /// most <see cref="WriteWait"/> and is then refused with the text kept, rather than queue for a connection.
    /// </summary>
    [Range(1, 200)]
    public int ConcurrentWrites { get; set; } = 16;

    /// <summary>How long a post may wait for one of the <see cref="ConcurrentWrites"/> before it is refused.</summary>
    public TimeSpan WriteWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages shown per page of a topic, the newest first page; earlier ones are a link away.</summary>
    [Range(5, 1000)]
    public int MessagesPerPage { get; set; } = 100;

    /// <summary>Topics listed per page of a channel.</summary>
    [Range(5, 500)]
    public int TopicsPerPage { get; set; } = 30;

    /// <summary>How often open live streams are checked, closing those of members who may no longer read (suspended, erased, removed).</summary>
    public TimeSpan LiveSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a member must have been away from the portal before mentions and replies reach them by email.</summary>
    public TimeSpan NotifyAfterInactivity { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The shortest time between two notification emails to one member; what arrives meanwhile waits for the next.</summary>
    public TimeSpan NotifyBatchInterval { get; set; } = TimeSpan.FromMinutes(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EditWindow < TimeSpan.Zero || EditWindow > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult("Sharing:EditWindow must be between 0 and 1 day (e.g. 00:15:00).", [nameof(EditWindow)]);
        }

        if (WriteWait < TimeSpan.Zero || WriteWait > TimeSpan.FromSeconds(30))
        {
            yield return new ValidationResult("Sharing:WriteWait must be between 0 and 30 seconds (e.g. 00:00:02).", [nameof(WriteWait)]);
        }

        if (LiveSweepInterval < TimeSpan.FromSeconds(1) || LiveSweepInterval > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("Sharing:LiveSweepInterval must be between 1 second and 1 minute (e.g. 00:00:30).", [nameof(LiveSweepInterval)]);
        }

        if (NotifyAfterInactivity < TimeSpan.FromMinutes(1) || NotifyAfterInactivity > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult("Sharing:NotifyAfterInactivity must be between 1 minute and 1 day (e.g. 00:15:00).", [nameof(NotifyAfterInactivity)]);
        }

        if (NotifyBatchInterval < TimeSpan.FromMinutes(1) || NotifyBatchInterval > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult("Sharing:NotifyBatchInterval must be between 1 minute and 1 day (e.g. 00:15:00).", [nameof(NotifyBatchInterval)]);
        }
    }
}

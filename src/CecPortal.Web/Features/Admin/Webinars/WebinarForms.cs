using CecPortal.Web.Features.Admin.Briefings;
using CecPortal.Web.Features.Webinars;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CecPortal.Web.Features.Admin.Webinars;

/// <summary>The series form: its title, the monthly rule and the capacity new sessions get.</summary>
public sealed class SeriesForm
{
    [Required(ErrorMessage = "Give the series a title.")]
    [StringLength(WebinarLimits.Title, ErrorMessage = "A title has at most {1} characters.")]
    [PlainText]
    [Display(Name = "Title")]
    public string Title { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose the week of the month.")]
    [Display(Name = "Week of the month")]
    public WeekOfMonth? Week { get; set; } = WeekOfMonth.Second;

    [Required(ErrorMessage = "Choose a day of the week.")]
    [Display(Name = "Day")]
    public DayOfWeek? DayOfWeek { get; set; } = System.DayOfWeek.Tuesday;

    [Required(ErrorMessage = "Enter the start time, e.g. 15:00.")]
    [Display(Name = "Start time")]
    public TimeOnly? StartTime { get; set; } = new(15, 0);

    [Required(ErrorMessage = "Choose a time zone, e.g. Europe/Brussels.")]
    [Display(Name = "Time zone")]
    public string? TimeZoneId { get; set; } = MemberTimeZones.Fallback;

    [Required(ErrorMessage = "Enter the duration in minutes.")]
    [Display(Name = "Duration (minutes)")]
    public int? DurationMinutes { get; set; } = 60;

    [Required(ErrorMessage = "Enter the number of places.")]
    [Range(1, WebinarLimits.MaxCapacity, ErrorMessage = "The capacity must be between {1} and {2}.")]
    [Display(Name = "Places per session")]
    public int? DefaultCapacity { get; set; } = 60;

    public static SeriesForm From(WebinarSeries series) => new()
    {
        Title = series.Title,
        Week = series.Week,
        DayOfWeek = series.DayOfWeek,
        StartTime = series.StartTime,
        TimeZoneId = series.TimeZoneId,
        DurationMinutes = series.DurationMinutes,
        DefaultCapacity = series.DefaultCapacity,
    };

    /// <summary>
    /// Builds the rule when the fields are filled; otherwise adds the rule's own messages to the fields they concern
    /// (under <paramref name="prefix"/>) and returns null.
    /// </summary>
    public SeriesRule? ToRule(ModelStateDictionary modelState, string prefix)
    {
        if (Week is not { } week || DayOfWeek is not { } day || StartTime is not { } start || DurationMinutes is not { } minutes)
        {
            return null;
        }

        if (SeriesRule.TryCreate(week, day, start, TimeZoneId, TimeSpan.FromMinutes(minutes), out var rule, out var errors))
        {
            return rule;
        }

        foreach (var error in errors)
        {
            var field = error.Field == nameof(SeriesRule.Duration) ? nameof(DurationMinutes) : error.Field;
            modelState.AddModelError($"{prefix}.{field}", error.Message);
        }

        return null;
    }
}

/// <summary>A one-off session: title, local date and time in a zone, length and places.</summary>
public sealed class NewSessionForm
{
    [Required(ErrorMessage = "Give the session a title.")]
    [StringLength(WebinarLimits.Title, ErrorMessage = "A title has at most {1} characters.")]
    [PlainText]
    [Display(Name = "Title")]
    public string Title { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose the date.")]
    [Display(Name = "Date")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Enter the start time, e.g. 15:00.")]
    [Display(Name = "Start time")]
    public TimeOnly? StartTime { get; set; } = new(15, 0);

    [Required(ErrorMessage = "Choose a time zone, e.g. Europe/Brussels.")]
    [TimeZoneId]
    [Display(Name = "Time zone")]
    public string? TimeZoneId { get; set; } = MemberTimeZones.Fallback;

    [Required(ErrorMessage = "Enter the duration in minutes.")]
    [Range(1, 480, ErrorMessage = "A session lasts between {1} and {2} minutes.")]
    [Display(Name = "Duration (minutes)")]
    public int? DurationMinutes { get; set; } = 60;

    [Required(ErrorMessage = "Enter the number of places.")]
    [Range(1, WebinarLimits.MaxCapacity, ErrorMessage = "The capacity must be between {1} and {2}.")]
    [Display(Name = "Places")]
    public int? Capacity { get; set; } = 60;
}

/// <summary>What members read about a session, plus its places; <see cref="Version"/> is the xmin it was loaded with.</summary>
public sealed class SessionDetailsForm
{
    [Required(ErrorMessage = "Give the session a title.")]
    [StringLength(WebinarLimits.Title, ErrorMessage = "A title has at most {1} characters.")]
    [PlainText]
    [Display(Name = "Title")]
    public string Title { get; set; } = string.Empty;

    [StringLength(WebinarLimits.Abstract, ErrorMessage = "The abstract has at most {1} characters.")]
    [MarkdownText]
    [Display(Name = "Abstract (Markdown)")]
    public string? Abstract { get; set; }

    [Required(ErrorMessage = "Choose a TLP label.")]
    [Display(Name = "TLP label")]
    public TlpLabel? Tlp { get; set; } = TlpRules.Default;

    [StringLength(WebinarLimits.Url, ErrorMessage = "A link has at most {1} characters.")]
    [WebLink]
    [Display(Name = "Meeting link")]
    public string? MeetingLink { get; set; }

    [Required(ErrorMessage = "Enter the number of places.")]
    [Range(1, WebinarLimits.MaxCapacity, ErrorMessage = "The capacity must be between {1} and {2}.")]
    [Display(Name = "Places")]
    public int? Capacity { get; set; }

    public uint? Version { get; set; }

    public static SessionDetailsForm From(WebinarSession session) => new()
    {
        Title = session.Title,
        Abstract = session.AbstractMarkdown,
        Tlp = session.Tlp,
        MeetingLink = session.MeetingLink,
        Capacity = session.Capacity,
        Version = session.Version,
    };

    public SessionDetails ToDetails() =>
        new(Title.Trim(), Abstract ?? string.Empty, Tlp ?? TlpRules.Default, MeetingLink, Capacity ?? throw new InvalidOperationException("The form has not been validated."));
}

/// <summary>A new local date and time in the session's own zone, and its length.</summary>
public sealed class MoveForm
{
    [Required(ErrorMessage = "Choose the new date.")]
    [Display(Name = "Date")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Enter the new start time, e.g. 15:00.")]
    [Display(Name = "Start time")]
    public TimeOnly? StartTime { get; set; }

    [Required(ErrorMessage = "Enter the duration in minutes.")]
    [Range(1, 480, ErrorMessage = "A session lasts between {1} and {2} minutes.")]
    [Display(Name = "Duration (minutes)")]
    public int? DurationMinutes { get; set; }

    public uint? Version { get; set; }

    public static MoveForm From(WebinarSession session) => new()
    {
        Date = WebinarAdminText.LocalDate(session.StartsAt, session.TimeZoneId),
        StartTime = WebinarAdminText.LocalTime(session.StartsAt, session.TimeZoneId),
        DurationMinutes = (int)(session.EndsAt - session.StartsAt).TotalMinutes,
        Version = session.Version,
    };
}

/// <summary>Cancelling needs an explicit tick, so a stray click cannot cancel a session everyone registered for.</summary>
public sealed class CancelForm
{
    [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to confirm that the session is cancelled for everyone.")]
    [Display(Name = "Yes, cancel this session and tell everyone registered")]
    public bool Confirmed { get; set; }

    public uint? Version { get; set; }
}

/// <summary>Marking a session as held, with the link to its recording when there is one.</summary>
public sealed class HeldForm
{
    [StringLength(WebinarLimits.Url, ErrorMessage = "A link has at most {1} characters.")]
    [WebLink]
    [Display(Name = "Recording link")]
    public string? RecordingLink { get; set; }

    public uint? Version { get; set; }
}

/// <summary>An external guest speaker.</summary>
public sealed class GuestSpeakerForm
{
    [Required(ErrorMessage = "Enter the guest's name.")]
    [StringLength(WebinarLimits.GuestName, ErrorMessage = "A name has at most {1} characters.")]
    [PlainText]
    [Display(Name = "Guest's name")]
    public string Name { get; set; } = string.Empty;

    [StringLength(WebinarLimits.GuestName, ErrorMessage = "An organisation has at most {1} characters.")]
    [PlainText]
    [Display(Name = "Organisation")]
    public string? Organisation { get; set; }
}

/// <summary>Accepting a talk into an upcoming session.</summary>
public sealed class AcceptProposalForm
{
    [Required(ErrorMessage = "Choose the session the talk goes into.")]
    [Display(Name = "Session")]
    public Guid? SessionId { get; set; }

    [Display(Name = "Copy the talk's title and abstract into the session (only if the session has no abstract yet)")]
    public bool CopyToSession { get; set; } = true;

    [StringLength(WebinarLimits.Note, ErrorMessage = "The note has at most {1} characters.")]
    [PlainText(AllowLineBreaks = true)]
    [Display(Name = "Note to the member (optional)")]
    public string? Note { get; set; }
}

/// <summary>Declining a talk: the member is told why.</summary>
public sealed class DeclineProposalForm
{
    [Required(ErrorMessage = "Give the member a short note on why the talk is declined.")]
    [StringLength(WebinarLimits.Note, ErrorMessage = "The note has at most {1} characters.")]
    [PlainText(AllowLineBreaks = true)]
    [Display(Name = "Note to the member")]
    public string? Note { get; set; }
}

/// <summary>An absolute http or https address (or nothing).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WebLinkAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string link || string.IsNullOrWhiteSpace(link) || VulnerabilityRow.IsWebLink(link)
            ? ValidationResult.Success
            : new ValidationResult("Enter a full web address starting with https:// (or http://), or leave it empty.", [validationContext.MemberName!]);
}

/// <summary>An IANA time zone id this machine knows (or nothing: [Required] says so).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeZoneIdAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string zoneId || string.IsNullOrWhiteSpace(zoneId) || MemberTimeZones.IsKnown(zoneId.Trim())
            ? ValidationResult.Success
            : new ValidationResult($"'{zoneId.Trim()}' is not a known IANA time zone id; use one such as Europe/Brussels.", [validationContext.MemberName!]);
}

namespace CecPortal.Web.Features.Admin.Breach;

/// <summary>
/// Which data a breach touched: one or more categories, and optionally the period it covers (UTC days, both ends
/// included). Records of events (deliveries, registrations, sign-ins) count when made within the period; profiles
/// and applications count when they existed by its end.
/// </summary>
public sealed record BreachCriteria(BreachDataCategory Categories, DateOnly? From, DateOnly? To)
{
    public static readonly DateOnly Earliest = new(2020, 1, 1);

    public sealed record Problem(string Field, string Message);

    public DateTimeOffset? Start => From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>Exclusive end: midnight after <see cref="To"/>.</summary>
    public DateTimeOffset? End => To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public bool Includes(BreachDataCategory category) => (Categories & category) == category;

    public IEnumerable<Problem> Validate(DateOnly? today = null)
    {
        if (Categories == BreachDataCategory.None)
        {
            yield return new Problem("Categories", "Choose at least one kind of data the breach touched.");
        }

        if ((Categories & ~All) != 0)
        {
            yield return new Problem("Categories", "Choose the kinds of data from the list.");
        }

        if (From is { } from && from < Earliest)
        {
            yield return new Problem("From", $"The period cannot start before {Earliest.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.");
        }

        if (From is { } start && To is { } end && start > end)
        {
            yield return new Problem("To", "The end of the period must not be before its start.");
        }

        if (today is { } now && From is { } first && first > now)
        {
            yield return new Problem("From", "The period cannot start in the future.");
        }
    }

    public static BreachDataCategory All =>
        BreachDataCategory.Profile | BreachDataCategory.Applications | BreachDataCategory.BriefingDeliveries
        | BreachDataCategory.WebinarRegistrations | BreachDataCategory.SignInHistory;

    public static string Describe(BreachDataCategory category) => category switch
    {
        BreachDataCategory.Profile => "Account and profile",
        BreachDataCategory.Applications => "Membership applications",
        BreachDataCategory.BriefingDeliveries => "Briefing delivery records",
        BreachDataCategory.WebinarRegistrations => "Webinar registrations",
        BreachDataCategory.SignInHistory => "Sign-in history and audit log",
        _ => category.ToString(),
    };

    public static IReadOnlyList<BreachDataCategory> Each =>
    [
        BreachDataCategory.Profile, BreachDataCategory.Applications, BreachDataCategory.BriefingDeliveries,
        BreachDataCategory.WebinarRegistrations, BreachDataCategory.SignInHistory,
    ];

    public string DescribeCategories() => string.Join(", ", Each.Where(Includes).Select(Describe));

    public string DescribeWindow() => (From, To) switch
    {
        (null, null) => "any time",
        ({ } f, null) => string.Create(CultureInfo.InvariantCulture, $"from {f:yyyy-MM-dd}"),
        (null, { } t) => string.Create(CultureInfo.InvariantCulture, $"until {t:yyyy-MM-dd}"),
        ({ } f, { } t) => string.Create(CultureInfo.InvariantCulture, $"{f:yyyy-MM-dd} to {t:yyyy-MM-dd}"),
    };
}

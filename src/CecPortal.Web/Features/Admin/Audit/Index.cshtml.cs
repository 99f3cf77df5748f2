using System.Net;
using CecPortal.Web.Infrastructure.Audit;

namespace CecPortal.Web.Features.Admin.Audit;

/// <summary>The audit log for Admins: staff actions and security events, newest first, with filters.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Name or email of the actor, contained anywhere.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? AuditAction { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Subject { get; set; }

    /// <summary>Kept as typed (not DateOnly) so that a bad value is shown back with a message instead of vanishing.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Ip { get; set; }

    /// <summary>"p", because Razor Pages keeps "page" as a route value for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<AuditRow>? Listing { get; private set; }

    public IReadOnlyList<string> ActionOptions { get; private set; } = [];

    public sealed record AuditRow(long Id, DateTimeOffset At, string ActorName, string Action, string Subject, string? Note, IPAddress? IpAddress, string? UserAgent);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var recorded = await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().ToListAsync(cancellationToken);
        ActionOptions = [.. recorded.Union(SecurityEvents.All).Order(StringComparer.Ordinal)];

        var from = ParseDate(From, nameof(From), "From");
        var to = ParseDate(To, nameof(To), "To");
        if (from is not null && to is not null && to < from)
        {
            ModelState.AddModelError(nameof(To), "The end date is before the start date.");
        }

        IPAddress? ip = null;
        if (!string.IsNullOrWhiteSpace(Ip) && !IPAddress.TryParse(Ip.Trim(), out ip))
        {
            ModelState.AddModelError(nameof(Ip), "Enter an IP address such as 192.0.2.10 or 2001:db8::1.");
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var pattern = SearchPattern.Contains(Actor);
            entries = entries.Where(e =>
                EF.Functions.ILike(e.ActorName, pattern, SearchPattern.EscapeCharacter)
                || db.Users.Any(u => u.Id == e.ActorId
                    && (EF.Functions.ILike(u.FullName, pattern, SearchPattern.EscapeCharacter)
                        || EF.Functions.ILike(u.Email!, pattern, SearchPattern.EscapeCharacter))));
        }

        if (!string.IsNullOrWhiteSpace(AuditAction))
        {
            entries = entries.Where(e => e.Action == AuditAction);
        }

        if (!string.IsNullOrWhiteSpace(Subject))
        {
            var pattern = SearchPattern.Contains(Subject);
            entries = entries.Where(e => EF.Functions.ILike(e.Subject, pattern, SearchPattern.EscapeCharacter));
        }

        // Dates are whole UTC days, as the times in the table are shown in UTC.
        if (from is { } fromDate)
        {
            var start = new DateTimeOffset(fromDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At >= start);
        }

        if (to is { } toDate)
        {
            var end = new DateTimeOffset(toDate.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At < end);
        }

        if (ip is not null)
        {
            var address = ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;
            entries = entries.Where(e => e.IpAddress == address);
        }

        Listing = await entries
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new AuditRow(e.Id, e.At, e.ActorName, e.Action, e.Subject, e.Note, e.IpAddress, e.UserAgent))
            .ToPageAsync(PageNumber, PageSize, cancellationToken);
    }

    private DateOnly? ParseDate(string? typed, string key, string label)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        if (DateOnly.TryParseExact(typed.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        ModelState.AddModelError(key, $"{label}: enter a date as YYYY-MM-DD, for example 2026-03-31.");
        return null;
    }
}

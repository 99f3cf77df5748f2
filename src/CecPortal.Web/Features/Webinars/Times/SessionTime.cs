namespace CecPortal.Web.Features.Webinars.Times;

/// <summary>A session's start as one member reads it: in their own zone, with the organiser's time beside it.</summary>
/// <param name="Local">The start in the member's zone, e.g. "Tue 8 Dec 2026, 16:00 (Helsinki)".</param>
/// <param name="Organiser">The start in the organiser's zone, e.g. "15:00 Brussels time"; null when both zones are the same.</param>
/// <param name="StartUtc">For the <c>datetime</c> attribute.</param>
public sealed record SessionTime(string Local, string? Organiser, DateTimeOffset StartUtc)
{
    /// <summary>The ISO 8601 instant for <c>&lt;time datetime&gt;</c>.</summary>
    public string Iso => StartUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    public override string ToString() => Organiser is null ? Local : $"{Local} · {Organiser}";
}

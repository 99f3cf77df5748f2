using System.Collections.Frozen;
using NodaTime.TimeZones;

namespace CecPortal.Web.Features.Webinars.Times;

/// <summary>
/// The time zone a member sees webinar times in: their own profile setting, else the main zone of their country
/// (the first zone tzdb lists for it, e.g. PT → Europe/Lisbon, ES → Europe/Madrid, FI → Europe/Helsinki), else the
/// organiser's zone. Country-to-zone data comes from NodaTime's embedded tzdb (its copy of <c>zone.tab</c>), so it
/// does not depend on the host's files; the ids are then resolved with <see cref="TimeZoneInfo"/> like every other zone.
/// </summary>
public static class MemberTimeZones
{
    /// <summary>The zone used when a member has neither a setting nor a known country.</summary>
    public const string Fallback = "Europe/Brussels";

    private static readonly FrozenDictionary<string, string> ByCountry = TzdbDateTimeZoneSource.Default.ZoneLocations!
        .GroupBy(location => location.CountryCode, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(group => group.Key, group => group.First().ZoneId, StringComparer.OrdinalIgnoreCase);

    private static readonly Lazy<IReadOnlyList<string>> ChoiceList = new(() =>
        [.. TzdbDateTimeZoneSource.Default.ZoneLocations!
            .Select(location => location.ZoneId)
            .Where(IsKnown)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(id => id, StringComparer.Ordinal)]);

    /// <summary>Every zone a member may choose (IANA ids of inhabited places, sorted), e.g. for a select list.</summary>
    public static IReadOnlyList<string> Choices => ChoiceList.Value;

    /// <summary>The main zone of a country (ISO 3166 alpha-2), or null when the country is unknown.</summary>
    public static string? ForCountry(string? countryCode) =>
        countryCode is not null && ByCountry.TryGetValue(countryCode.Trim(), out var zoneId) && IsKnown(zoneId) ? zoneId : null;

    /// <summary>The zone id to show a member's times in (see the class summary for the order).</summary>
    public static string Resolve(string? profileTimeZoneId, string? countryCode) =>
        !string.IsNullOrWhiteSpace(profileTimeZoneId) && IsKnown(profileTimeZoneId.Trim()) ? profileTimeZoneId.Trim()
        : ForCountry(countryCode) ?? Fallback;

    /// <summary>The <see cref="TimeZoneInfo"/> for <see cref="Resolve"/>.</summary>
    public static TimeZoneInfo ResolveZone(string? profileTimeZoneId, string? countryCode) =>
        TimeZoneInfo.FindSystemTimeZoneById(Resolve(profileTimeZoneId, countryCode));

    /// <summary>True for an IANA zone id this machine knows.</summary>
    public static bool IsKnown(string? zoneId) =>
        !string.IsNullOrWhiteSpace(zoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) && zone.HasIanaId;
}

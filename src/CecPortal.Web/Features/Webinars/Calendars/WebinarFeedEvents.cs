using CecPortal.Web.Features.Webinars.Sessions;

namespace CecPortal.Web.Features.Webinars.Calendars;

/// <summary>Sessions as calendar events for a member's own calendar (the feed and the one-session download).</summary>
internal static class WebinarFeedEvents
{
    /// <summary>
    /// The events of <paramref name="sessions"/>. The meeting link goes in (the reader holds a place); a cancelled session
    /// keeps its event with <c>STATUS:CANCELLED</c> and loses the link. As in the briefing feed, TLP:RED text stays in the
    /// portal: the event then says only its label and where to read it.
    /// </summary>
    public static async Task<IReadOnlyList<WebinarEvent>> ReadAsync(IQueryable<WebinarSession> sessions, Func<Guid, string> sessionUrl, CancellationToken cancellationToken)
    {
        var rows = await sessions
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Sequence, s.Title, s.AbstractMarkdown, s.StartsAt, s.EndsAt, s.MeetingLink, s.Status, s.Tlp })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(s =>
        {
            var cancelled = s.Status == WebinarStatus.Cancelled;
            var url = sessionUrl(s.Id);
            var text = s.Tlp == TlpLabel.Red
                ? $"{s.Tlp.Display()}: {s.Tlp.Meaning()} Read the details in the portal: {url}"
                : $"{s.Tlp.Display()}\n\n{s.AbstractMarkdown.Trim()}\n\n{url}";
            var link = !cancelled && Uri.TryCreate(s.MeetingLink, UriKind.Absolute, out var meeting) ? meeting : null;
            return new WebinarEvent(s.Id, s.Sequence, cancelled ? $"Cancelled: {s.Title}" : s.Title, text, s.StartsAt, s.EndsAt, link, cancelled);
        })];
    }
}

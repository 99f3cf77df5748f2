using AngleSharp.Html.Dom;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;
using CecPortal.Web.Infrastructure.Markdown;
using CecPortal.Web.SharedKernel;

namespace CecPortal.IntegrationTests.Webinars;

/// <summary>Arranging webinars for the member-side tests: sessions as staff would plan them, members who can sign in.</summary>
internal static class MemberWebinarArrange
{
    public static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    private static readonly MarkdownRenderer Renderer = new();

    /// <summary>Tuesday 10 December 2030, 15:00 in Brussels (14:00 UTC).</summary>
    public static DateTimeOffset December2030 => WallClock.ToUtc(new DateOnly(2030, 12, 10), new TimeOnly(15, 0), Brussels);

    /// <summary>A session of its own one-off series starting at <paramref name="startsAt"/>, as staff describe it.</summary>
    public static Task<Guid> AddSessionAsync(
        this PortalFixture portal,
        string title,
        DateTimeOffset startsAt,
        int capacity = 10,
        string? meetingLink = null,
        TlpLabel tlp = TlpLabel.Green,
        string abstractMarkdown = "What we learnt, and what we would do differently.",
        Action<WebinarSession, DateTimeOffset>? change = null) =>
        portal.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var rule = SeriesRule.Create(WeekOfMonth.Second, DayOfWeek.Tuesday, new TimeOnly(15, 0), "Europe/Brussels", TimeSpan.FromMinutes(60));
            var series = WebinarSeries.Create(title, rule, capacity, now);
            series.Pause();
            var session = WebinarSession.Plan(series, startsAt, now);
            session.Describe(title, abstractMarkdown, Renderer.Render(abstractMarkdown), tlp, meetingLink, capacity, now);
            change?.Invoke(session, now);
            db.AddRange(series, session);
            await db.SaveChangesAsync();
            return session.Id;
        });

    /// <summary>A member who can sign in with the demo password, from <paramref name="countryCode"/>, with an optional zone setting.</summary>
    public static Task<string> CreateMemberAsync(this PortalFixture portal, string email, string countryCode, string? timeZoneId = null) =>
        TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, email.Split('@')[0], Roles.Member)
        {
            CountryCode = countryCode,
            TimeZoneId = timeZoneId,
            Password = PortalFactory.DemoPassword,
        });

    public static Task RegisterAsync(this PortalFixture portal, Guid sessionId, string memberId) =>
        portal.WithServiceAsync<WebinarAttendance>(attendance => attendance.RegisterAsync(sessionId, memberId, CancellationToken.None));

    /// <summary>Posts a form of a page loaded earlier, with that page's antiforgery token, as a browser left open would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, IHtmlDocument page, string formSelector, string url)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form {formSelector} on the page.");
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .Select(i => KeyValuePair.Create(i.Name!, i.Value));
        using var content = new FormUrlEncodedContent(fields);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }
}

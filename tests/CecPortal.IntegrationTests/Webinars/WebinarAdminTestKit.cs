using AngleSharp.Html.Dom;
using CecPortal.Testing;
using CecPortal.Web.Features.Webinars.Proposals;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;
using Microsoft.EntityFrameworkCore;

namespace CecPortal.IntegrationTests.Webinars;

/// <summary>Sessions, registrations and proposals arranged in the database, and forms read and posted like a browser.</summary>
internal static class WebinarAdminTestKit
{
    private static int _members;

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A one-off session <paramref name="daysAhead"/> days from now at 15:00 in <paramref name="zoneId"/>.</summary>
    public static async Task<WebinarSession> AddSessionAsync(PortalFixture portal, string title, int daysAhead = 30, string zoneId = "Europe/Brussels", int capacity = 50)
    {
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysAhead);
        var startsAt = WallClock.ToUtc(date, new TimeOnly(15, 0), TimeZoneInfo.FindSystemTimeZoneById(zoneId));
        var session = WebinarSession.PlanOneOff(title, startsAt, TimeSpan.FromMinutes(60), zoneId, capacity, DateTimeOffset.UtcNow);
        await portal.WithDbAsync(db =>
        {
            db.WebinarSessions.Add(session);
            return db.SaveChangesAsync(Token);
        });
        return session;
    }

    /// <summary>A new member who cannot sign in; returns the id and the email address.</summary>
    public static async Task<(string Id, string Email)> AddMemberAsync(PortalFixture portal, string fullName)
    {
        var email = $"webinar-admin-{Interlocked.Increment(ref _members)}-{Guid.NewGuid():N}@members.example";
        return (await portal.CreateUserAsync(email, fullName, "Member", "FI"), email);
    }

    public static Task RegisterAsync(PortalFixture portal, Guid sessionId, string memberId, RegistrationStatus status, DateTimeOffset at) =>
        portal.WithDbAsync(db =>
        {
            db.WebinarRegistrations.Add(WebinarRegistration.Create(sessionId, memberId, status, at));
            return db.SaveChangesAsync(Token);
        });

    public static async Task<TalkProposal> AddProposalAsync(PortalFixture portal, string memberId, string title, string abstractMarkdown)
    {
        var proposal = TalkProposal.Submit(memberId, title, abstractMarkdown, [new DateOnly(2027, 3, 1), new DateOnly(2027, 4, 1)], DateTimeOffset.UtcNow);
        await portal.WithDbAsync(db =>
        {
            db.TalkProposals.Add(proposal);
            return db.SaveChangesAsync(Token);
        });
        return proposal;
    }

    public static Task<WebinarSession> StoredSessionAsync(PortalFixture portal, Guid id) =>
        portal.WithDbAsync(db => db.WebinarSessions.AsNoTracking().SingleAsync(s => s.Id == id, Token));

    public static Task<List<string>> AuditActionsAsync(PortalFixture portal, string subject) =>
        portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Subject == subject).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Token));

    /// <summary>The values a browser would post for the form matching <paramref name="selector"/>, with its action.</summary>
    public static async Task<(string Action, Dictionary<string, string> Fields)> ReadFormAsync(HttpClient client, string path, string selector)
    {
        var page = await client.GetDocumentAsync(path);
        var form = page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {selector} on {path}.");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } box when !string.IsNullOrEmpty(box.Name):
                    if (box.IsChecked)
                    {
                        values[box.Name!] = box.Value;
                    }

                    break;
                case IHtmlInputElement { Type: not "submit" } input when !string.IsNullOrEmpty(input.Name):
                    values.TryAdd(input.Name!, input.Value);
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values[area.Name!] = area.Value;
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values[select.Name!] = select.Value ?? string.Empty;
                    break;
            }
        }

        var action = form.GetAttribute("action");
        return (string.IsNullOrEmpty(action) ? path : action, values);
    }

    /// <summary>Reads the form on <paramref name="path"/>, changes <paramref name="changes"/> and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string path, string selector, IReadOnlyDictionary<string, string> changes)
    {
        var (action, fields) = await ReadFormAsync(client, path, selector);
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content, Token);
    }

    public static string Field(IHtmlDocument page, string name) => page.QuerySelector($"[name='{name}']") switch
    {
        IHtmlInputElement input => input.Value,
        IHtmlTextAreaElement area => area.Value,
        IHtmlSelectElement select => select.Value ?? string.Empty,
        _ => throw new InvalidOperationException($"No field {name}."),
    };

    public static string Message(IHtmlDocument page, string name) => page.QuerySelector($"[data-valmsg-for='{name}']")!.TextContent;

    public static string SessionPath(Guid id) => $"/admin/webinars/sessions/{id}";
}

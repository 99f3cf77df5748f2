using AngleSharp.Html.Dom;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CecPortal.IntegrationTests.Consultations;

/// <summary>Consultations and members arranged through the portal's own services, and forms posted like a browser.</summary>
internal static class ConsultationTestKit
{
    private static int _members;

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public sealed record TestMember(string Id, string Email, string FullName);

    /// <summary>A member who can sign in with the demo password, in <paramref name="country"/> and <paramref name="sector"/>.</summary>
    public static async Task<TestMember> AddMemberAsync(PortalFixture portal, string fullName, string country, string sector, bool suspended = false)
    {
        var email = $"consult-{Interlocked.Increment(ref _members)}-{Guid.NewGuid():N}@members.example";
        var id = await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, fullName, Roles.Member)
        {
            JobTitle = "CISO",
            Organisation = $"{fullName} Ltd",
            CountryCode = country,
            SectorCode = sector,
            Suspended = suspended,
            Password = PortalFactory.DemoPassword,
        });
        return new TestMember(id, email, fullName);
    }

    /// <summary>The demo policy officer, as the pages would record them.</summary>
    public static async Task<Actor> StaffAsync(PortalFixture portal) => new(await portal.UserIdAsync(PortalFactory.PolicyEmail), PortalFactory.PolicyEmail);

    public static ConsultationDetails Details(
        string title = "NIS2 incident-reporting thresholds",
        ConsultationMode mode = ConsultationMode.Anonymous,
        IReadOnlyList<string>? sectors = null,
        IReadOnlyList<string>? countries = null,
        TimeSpan? deadlineIn = null) =>
        new(title, "European Commission (DG CONNECT)", "NIS2 implementing act", "Tell us **where** the thresholds should be.",
            DateTimeOffset.UtcNow + (deadlineIn ?? TimeSpan.FromDays(14)), mode, sectors ?? [], countries ?? []);

    /// <summary>A draft with a single choice, a scale, a multiple choice and a free-text question (the first required).</summary>
    public static async Task<Guid> DraftAsync(PortalFixture portal, ConsultationDetails details)
    {
        var id = Guid.Empty;
        var staff = await StaffAsync(portal);
        await portal.WithServiceAsync<ConsultationAdministration>(async admin =>
        {
            id = await admin.CreateAsync(details, staff, Token);
            await admin.AddQuestionAsync(id, QuestionKind.SingleChoice, "Is the 24-hour early warning workable?", ["Yes", "No", "Only for significant incidents"], required: true, staff, Token);
            await admin.AddQuestionAsync(id, QuestionKind.Scale, "How clear is the significance threshold?", ["Very unclear", "Unclear", "Neutral", "Clear", "Very clear"], required: false, staff, Token);
            await admin.AddQuestionAsync(id, QuestionKind.MultipleChoice, "Which criteria should count?", ["Users affected", "Duration", "Financial loss", "Cross-border"], required: false, staff, Token);
            await admin.AddQuestionAsync(id, QuestionKind.FreeText, "Anything else?", [], required: false, staff, Token);
        });
        return id;
    }

    public static async Task<Guid> OpenAsync(PortalFixture portal, ConsultationDetails details)
    {
        var id = await DraftAsync(portal, details);
        var staff = await StaffAsync(portal);
        await portal.WithServiceAsync<ConsultationAdministration>(admin => admin.OpenAsync(id, staff, Token));
        return id;
    }

    public static Task<List<ConsultationQuestion>> QuestionsAsync(PortalFixture portal, Guid id) =>
        portal.WithDbAsync(db => db.ConsultationQuestions.AsNoTracking().Where(q => q.ConsultationId == id).OrderBy(q => q.Position).ToListAsync(Token));

    /// <summary>Submits answers for a member straight through the service (choice index for question 1, optional free text).</summary>
    public static async Task AnswerAsync(PortalFixture portal, Guid id, string memberId, int choice, string? text = null, bool named = false)
    {
        var questions = await QuestionsAsync(portal, id);
        List<GivenAnswer> given = [new(questions[0].Id, [choice], null), new(questions[1].Id, [choice], null)];
        if (text is not null)
        {
            given.Add(new(questions[3].Id, [], text));
        }

        await portal.WithServiceAsync<ConsultationAnswering>(answering => answering.SaveAsync(id, memberId, given, named, submit: true, Token));
    }

    public static async Task CloseAsync(PortalFixture portal, Guid id)
    {
        var staff = await StaffAsync(portal);
        await portal.WithServiceAsync<ConsultationAdministration>(admin => admin.CloseAsync(id, staff, Token));
    }

    public static Task SetDeadlineAsync(PortalFixture portal, Guid id, DateTimeOffset deadline) =>
        portal.WithDbAsync(db => db.Consultations.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Deadline, deadline), Token));

    public static Task<List<string>> AuditActionsAsync(PortalFixture portal, Guid id) =>
        portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Subject == ConsultationAdministration.Subject(id)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Token));

    /// <summary>
    /// Posts the form matching <paramref name="selector"/> on <paramref name="path"/> with its hidden fields (the
    /// antiforgery token among them) plus <paramref name="fields"/>, which may repeat a name (checkboxes).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string selector, IEnumerable<KeyValuePair<string, string>> fields, string? handler = null)
    {
        var page = await client.GetDocumentAsync(path);
        var form = page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {selector} on {path}.");
        var given = fields.ToList();
        var names = given.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name) && !names.Contains(i.Name!))
            .Select(i => KeyValuePair.Create(i.Name!, i.Value))
            .Concat(given)
            .ToList();
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? path : action;
        if (handler is not null)
        {
            target = path + "?handler=" + handler;
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(target, UriKind.Relative), content, Token);
    }

    public static KeyValuePair<string, string> F(string name, string value) => KeyValuePair.Create(name, value);
}

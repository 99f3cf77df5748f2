using System.Net;
using CecPortal.Testing;
using Shouldly;

namespace CecPortal.IntegrationTests.Security;

/// <summary>
/// Every free-text field that reaches the directory, lists or emails refuses control and bidirectional-override
/// characters, as /apply does: the form comes back with a message on that field and nothing is saved.
/// </summary>
public sealed class PlainTextFormsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Member = "{member}";

    /// <summary>Who posts, where, which form, the fields (the hostile one holds <c>{bad}</c>), and the hostile field.</summary>
    public static TheoryData<string, string, string?, string, string> Forms => new()
    {
        { PortalFactory.AdminEmail, "/admin/staff/new", "[data-testid=new-staff-form]", "Input.Email=new.staff@staff-demo.eu|Input.FullName={bad}|Input.Role=Editor", "Input.FullName" },
        { PortalFactory.MemberEmail, "/webinars/propose", "[data-testid=proposal-form]", "Input.Title={bad}|Input.Abstract=Plain abstract.", "Input.Title" },
        { PortalFactory.MemberEmail, "/webinars/propose", "[data-testid=proposal-form]", "Input.Title=Plain title|Input.Abstract={bad}", "Input.Abstract" },
        { PortalFactory.AdminEmail, "/admin/breach/new?handler=Send", "[data-testid=breach-form]", "Input.Categories=Profile|Input.To=2021-12-31|Input.Subject={bad}|Input.Body=Plain notice.", "Input.Subject" },
        { PortalFactory.AdminEmail, "/admin/breach/new?handler=Send", "[data-testid=breach-form]", "Input.Categories=Profile|Input.To=2021-12-31|Input.Subject=Plain subject|Input.Body={bad}", "Input.Body" },
        { PortalFactory.AdminEmail, "/admin/privacy", "[data-testid=publish-form]", "Input.ChangeSummary={bad}", "Input.ChangeSummary" },
        { PortalFactory.ModeratorEmail, "/admin/sharing/new", "[data-testid=channel-form]", "Kind=Open|Name={bad}|Slug=plain-name|DefaultTlp=Amber", "Name" },
        { PortalFactory.ModeratorEmail, "/admin/sharing/new", "[data-testid=channel-form]", "Kind=Open|Name=Plain name|Slug=plain-description|Description={bad}|DefaultTlp=Amber", "Description" },
        { PortalFactory.AdminEmail, $"/admin/members/{Member}/suspend", null, "Input.Reason={bad}", "Input.Reason" },
        { PortalFactory.AdminEmail, $"/admin/members/{Member}/extend", "[data-testid=extend-form]", "Input.Days=10|Input.Reason={bad}", "Input.Reason" },
        { PortalFactory.EditorEmail, "/admin/briefings/new", "[data-testid=briefing-form]", "Input.Title=Plain title|Input.Body={bad}", "Input.Body" },
        { PortalFactory.MemberEmail, "/sharing/c/community", "[data-testid=topic-form]", "Input.Subject={bad}|Input.Body=Plain message.", "Input.Subject" },
        { PortalFactory.MemberEmail, "/sharing/c/community", "[data-testid=topic-form]", "Input.Subject=Plain subject|Input.Body={bad}", "Input.Body" },
        { PortalFactory.PolicyEmail, "/admin/consultations/new", "[data-testid=consultation-form]", "Input.Title={bad}|Input.Institution=ENISA|Input.Act=NIS2|Input.ContextMarkdown=Plain.|Input.Deadline=2099-01-01T10:00|Input.Mode=Anonymous", "Input.Title" },
        { PortalFactory.PolicyEmail, "/admin/consultations/new", "[data-testid=consultation-form]", "Input.Title=Plain|Input.Institution=ENISA|Input.Act=NIS2|Input.ContextMarkdown={bad}|Input.Deadline=2099-01-01T10:00|Input.Mode=Anonymous", "Input.ContextMarkdown" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Post_BidiOverrideOrControlCharacter_ReshowsTheFormWithAMessageOnTheField(string email, string path, string? form, string fields, string field)
    {
        foreach (var bad in new[] { "Evil\u202Eexe.pdf", "Bell\u0007ringer" })
        {
            // Arrange
            using var client = await portal.SignedInClientAsync(email);
            var url = path.Replace(Member, await portal.UserIdAsync(PortalFactory.MemberEmail), StringComparison.Ordinal);
            var values = fields.Split('|').Select(f => f.Split('=', 2)).Select(f => KeyValuePair.Create(f[0], f[1].Replace("{bad}", bad, StringComparison.Ordinal))).ToList();

            // Act
            using var response = await client.SubmitFormValuesAsync(url, values, form);
            var page = await response.ReadDocumentAsync();

            // Assert
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url} {field}");
            page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.ShouldContain("characters", Case.Sensitive, $"{url} {field}");
        }
    }
}

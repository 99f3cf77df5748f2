using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Vetting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Shouldly;

namespace CecPortal.IntegrationTests.Membership;

/// <summary>Steps the membership tests share: applying, verifying, reading state back and posting without a visible form.</summary>
internal static class MembershipTestKit
{
    public const string CountryVetterEmail = "vetter.country@demo.cec.example";
    public const string SectorVetterEmail = "vetter.sector@demo.cec.example";

    /// <summary>Posts /apply as a browser would and returns the application's id and its confirmation email.</summary>
    public static async Task<(Guid Id, MimeMessage Confirmation)> SubmitAsync(PortalFixture portal, Dictionary<string, string> form)
    {
        var email = form["Input.WorkEmail"];
        using var client = portal.CreateClient();
        using var submitted = await client.SubmitFormAsync("/apply", form);
        submitted.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        submitted.Headers.Location!.OriginalString.ShouldBe("/apply/submitted");
        var confirmation = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject!.Contains("confirm", StringComparison.OrdinalIgnoreCase));
        var id = await portal.WithDbAsync(db => db.MembershipApplications.Where(a => a.WorkEmail == email).Select(a => a.Id).SingleAsync());
        return (id, confirmation);
    }

    /// <summary>Applies and follows the verification link: the application is in the vetting queue.</summary>
    public static async Task<(Guid Id, string StatusLink)> ApplyAndVerifyAsync(PortalFixture portal, Dictionary<string, string> form)
    {
        var (id, confirmation) = await SubmitAsync(portal, form);
        using var client = portal.CreateClient();
        var verified = await client.GetDocumentAsync(MembershipFlowTests.Link(confirmation, "/apply/verify/"));
        verified.QuerySelector("[data-testid=verified]").ShouldNotBeNull();
        return (id, MembershipFlowTests.Link(confirmation, "/apply/status/"));
    }

    public static Task<MembershipApplication> LoadAsync(PortalFixture portal, Guid id) => portal.WithDbAsync(db => db.MembershipApplications
        .AsNoTracking()
        .Include(a => a.Events)
        .Include(a => a.Reviews)
        .Include(a => a.Flags)
        .AsSplitQuery()
        .SingleAsync(a => a.Id == id));

    /// <summary>
    /// Posts to <paramref name="url"/> with the antiforgery token of another page (by default the home page's sign-out
    /// form), for actions whose form the page does not show, or pages that answer 404.
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, IReadOnlyDictionary<string, string> fields, string tokenPage = "/")
    {
        var document = await client.GetDocumentAsync(tokenPage);
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {tokenPage}.");
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>Creates a Vetter with the demo password and exactly the given scope.</summary>
    public static async Task<string> CreateVetterAsync(PortalFixture portal, string email, string[] countries, string[] sectors)
    {
        var userId = await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, "Nora Narrow", Roles.Vetter)
        {
            JobTitle = "Membership vetter",
            Organisation = "CEC Secretariat",
            CountryCode = "DE",
            Password = PortalFactory.DemoPassword,
        });
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.VetterCountries.AddRange(countries.Select(c => new VetterCountry { UserId = userId, CountryCode = c }));
        db.VetterSectors.AddRange(sectors.Select(s => new VetterSector { UserId = userId, SectorCode = s }));
        await db.SaveChangesAsync();
        return userId;
    }
}

using System.Net;
using System.Text.RegularExpressions;
using CecPortal.Testing;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Vetting;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Shouldly;

namespace CecPortal.IntegrationTests.Membership;

/// <summary>The front door end to end: apply, verify, vet with four eyes, become a member, sign in.</summary>
public sealed partial class MembershipFlowTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    internal static Dictionary<string, string> Form(string email, string country = "FR", string sector = "energy", string? sponsor = null) => new()
    {
        ["Input.FullName"] = "Camille Laurent",
        ["Input.WorkEmail"] = email,
        ["Input.JobTitle"] = "Chief Information Security Officer",
        ["Input.Organisation"] = "Réseau Électrique Demo",
        ["Input.OrganisationWebsite"] = "https://www." + email.Split('@')[1],
        ["Input.CountryCode"] = country,
        ["Input.SectorCode"] = sector,
        ["Input.OrganisationSize"] = "3",
        ["Input.Motivation"] = "I lead security for a national grid operator and want to exchange with peers on NIS2.",
        ["Input.SponsorEmail"] = sponsor ?? string.Empty,
        ["Input.Consent"] = "true",
    };

    [Fact]
    public async Task Apply_VerifyAndTwoVettersApprove_ApplicantBecomesMemberAndSignsIn()
    {
        const string email = "camille.laurent@grid-demo.eu";
        await EnsureScopesAsync(portal);
        using var anonymous = portal.CreateClient();

        using var submitted = await anonymous.SubmitFormAsync("/apply", Form(email));
        submitted.Headers.Location!.OriginalString.ShouldBe("/apply/submitted");
        var confirmation = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject!.Contains("confirm", StringComparison.OrdinalIgnoreCase));
        var verifyLink = Link(confirmation, "/apply/verify/");
        var statusLink = Link(confirmation, "/apply/status/");

        var verified = await anonymous.GetDocumentAsync(verifyLink);
        verified.QuerySelector("[data-testid=verified]").ShouldNotBeNull();
        var id = await portal.WithDbAsync(db => db.MembershipApplications.Where(a => a.WorkEmail == email).Select(a => a.Id).SingleAsync());

        using var countryVetter = await portal.SignedInClientAsync("vetter.country@demo.cec.example");
        using var sectorVetter = await portal.SignedInClientAsync("vetter.sector@demo.cec.example");
        var queue = await countryVetter.GetDocumentAsync("/admin/vetting");
        queue.QuerySelector($"a[href='/admin/vetting/{id}']").ShouldNotBeNull();

        using var first = await countryVetter.SubmitFormAsync($"/admin/vetting/{id}?handler=Approve", new Dictionary<string, string> { ["Input.Note"] = "Known to me from ENISA events." });
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await portal.WithDbAsync(db => db.MembershipApplications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync())).ShouldBe(ApplicationStatus.InReview);

        using var second = await sectorVetter.SubmitFormAsync($"/admin/vetting/{id}?handler=Approve", new Dictionary<string, string> { ["Input.Note"] = "Energy sector confirmed." });
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var status = await anonymous.GetDocumentAsync(statusLink);
        status.QuerySelector("[data-testid=application-status]")!.TextContent.ShouldBe("Approved");
        var welcome = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == "Welcome to the CISOs European Community");
        using var setPassword = await anonymous.SubmitFormAsync(Link(welcome, "/account/welcome"), new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "Camille-Passw0rd!",
            ["Input.ConfirmPassword"] = "Camille-Passw0rd!",
        });
        setPassword.Headers.Location!.OriginalString.ShouldBe("/account/login");
        using var member = portal.CreateClient();
        (await member.SignInAsync(email, "Camille-Passw0rd!")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var profile = await member.GetDocumentAsync("/profile");
        profile.QuerySelector("[data-testid=profile-name]")!.TextContent.ShouldBe("Camille Laurent");

        using var reuse = await anonymous.SubmitFormAsync(Link(welcome, "/account/welcome"), new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "Another-lantern-fjord-26",
            ["Input.ConfirmPassword"] = "Another-lantern-fjord-26",
        });
        (await reuse.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("already used");
    }

    /// <summary>The demo vetters' scopes: France for the country vetter, every sector for the sector vetter.</summary>
    internal static Task EnsureScopesAsync(PortalFixture portal) => portal.WithDbAsync(async db =>
    {
        var countryVetter = await db.Users.Where(u => u.Email == "vetter.country@demo.cec.example").Select(u => u.Id).SingleAsync();
        var sectorVetter = await db.Users.Where(u => u.Email == "vetter.sector@demo.cec.example").Select(u => u.Id).SingleAsync();
        if (!await db.VetterCountries.AnyAsync(v => v.UserId == countryVetter && v.CountryCode == "FR"))
        {
            db.VetterCountries.Add(new VetterCountry { UserId = countryVetter, CountryCode = "FR" });
        }

        foreach (var sector in await db.Sectors.Select(s => s.Code).ToListAsync())
        {
            if (!await db.VetterSectors.AnyAsync(v => v.UserId == sectorVetter && v.SectorCode == sector))
            {
                db.VetterSectors.Add(new VetterSector { UserId = sectorVetter, SectorCode = sector });
            }
        }

        return await db.SaveChangesAsync();
    });

    internal static string Link(MimeMessage message, string path)
    {
        var match = LinkPattern().Matches(message.TextBody!).Select(m => new Uri(m.Value)).First(u => u.AbsolutePath.StartsWith(path, StringComparison.Ordinal));
        return match.PathAndQuery;
    }

    [GeneratedRegex(@"http://[^\s]+")]
    private static partial Regex LinkPattern();
}

using System.Text.RegularExpressions;
using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using CecPortal.Web.Features.Membership.Vetting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Membership;

/// <summary>The front door in the browser: a person applies, and two vetters approve the application from the queue.</summary>
public sealed partial class ApplyAndVetTests(BrowserPortal portal)
{
    private const string CountryVetter = "vetter.country@demo.cec.example";
    private const string SectorVetter = "vetter.sector@demo.cec.example";

    private static readonly Applicant Camille = new(
        FullName: "Camille Laurent",
        WorkEmail: "camille.laurent@grid-demo.eu",
        JobTitle: "Chief Information Security Officer",
        LinkedInUrl: "https://www.linkedin.com/in/camille-laurent",
        Organisation: "Réseau Électrique Demo",
        OrganisationWebsite: "https://www.grid-demo.eu",
        CountryCode: "FR",
        OrganisationSize: "3",
        SectorCode: "energy",
        SectorDescription: "Electricity transmission",
        Motivation: "I lead security for a national grid operator and want to exchange with peers on NIS2.",
        SponsorEmail: PortalFactory.MemberEmail);

    private static readonly Applicant Amelie = Camille with
    {
        FullName = "Amélie Bernard",
        WorkEmail = "amelie.bernard@rail-demo.eu",
        LinkedInUrl = "https://www.linkedin.com/in/amelie-bernard",
        Organisation = "Rail Demo France",
        OrganisationWebsite = "https://www.rail-demo.eu",
        SectorCode = "transport",
        SectorDescription = "Passenger rail",
        Motivation = "As CISO of a rail operator I want to compare notes with peers on OT security and NIS2 reporting.",
        SponsorEmail = string.Empty,
    };

    [Fact]
    public Task Apply_WithMistakeThenCorrected_SubmitsAndShowsCheckEmail() => portal.RunAsync(async page =>
    {
        // Arrange: everything filled in, but the work email is missing its domain.
        var apply = new ApplyPage(page);
        await apply.GotoAsync();
        await apply.FillAsync(Camille with { WorkEmail = "camille@" });
        await Expect(apply.Errors).ToBeHiddenAsync();

        // Act
        await apply.SubmitAsync();

        // Assert: the server re-renders the form with the one error and keeps what was typed.
        await Expect(page).ToHaveURLAsync(ApplyUrl());
        await Expect(apply.ErrorFor("WorkEmail")).ToHaveTextAsync("Enter a valid email address, such as name@organisation.eu.");
        await Expect(apply.Errors.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["Enter a valid email address, such as name@organisation.eu."]);
        await Expect(apply.WorkEmail).ToHaveValueAsync("camille@");
        await Expect(apply.FullName).ToHaveValueAsync(Camille.FullName);
        await Expect(apply.Organisation).ToHaveValueAsync(Camille.Organisation);
        await Expect(apply.Country).ToHaveValueAsync(Camille.CountryCode);
        await Expect(apply.OrganisationSize).ToHaveValueAsync(Camille.OrganisationSize);
        await Expect(apply.Sector).ToHaveValueAsync(Camille.SectorCode);
        await Expect(apply.Motivation).ToHaveValueAsync(Camille.Motivation);
        await Expect(apply.SponsorEmail).ToHaveValueAsync(Camille.SponsorEmail);
        await Expect(apply.Consent).ToBeCheckedAsync();
        await Screenshots.SaveAsync(page, "apply-validation");

        // Act: the person corrects the address and sends again.
        await apply.WorkEmail.FillAsync(Camille.WorkEmail);
        await apply.Consent.CheckAsync();
        await apply.SubmitAsync();

        // Assert
        await Expect(page).ToHaveURLAsync(SubmittedUrl());
        await Expect(page).ToHaveTitleAsync("Check your email · CEC Portal");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        await Expect(apply.Submitted).ToBeVisibleAsync();
    });

    [Fact]
    public async Task Vetter_ApprovesFromQueue_ApplicationBecomesApproved()
    {
        // Arrange: vetting scopes for the demo vetters, and Amélie's application verified through the link in her email.
        await EnsureVetterScopesAsync();
        await portal.RunAsync(
            async page =>
            {
                var apply = new ApplyPage(page);
                await apply.GotoAsync();
                await apply.FillAsync(Amelie);
                await apply.SubmitAsync();
                await Expect(apply.Submitted).ToBeVisibleAsync();

                var confirmation = await portal.Smtp.WaitForAsync(m =>
                    m.To.Mailboxes.Any(a => a.Address == Amelie.WorkEmail) && m.Subject!.Contains("confirm", StringComparison.OrdinalIgnoreCase));
                await page.GotoAsync(VerificationLink(confirmation.TextBody!));
                await Expect(page.GetByTestId("verified")).ToBeVisibleAsync();
            },
            testName: $"{nameof(Vetter_ApprovesFromQueue_ApplicationBecomesApproved)}-arrange");
        var id = await portal.WithDbAsync(db => db.MembershipApplications.Where(a => a.WorkEmail == Amelie.WorkEmail).Select(a => a.Id).SingleAsync());
        var applicationUrl = new Uri(portal.BaseAddress, $"admin/vetting/{id}").ToString();

        // Act: the country vetter approves first.
        await portal.RunAsync(
            async page =>
            {
                var vetting = new VettingPage(page);
                await SignInAsync(page, CountryVetter);
                await vetting.GotoQueueAsync();
                await vetting.OpenAsync(Amelie.FullName);

                await Expect(page).ToHaveURLAsync(applicationUrl);
                await Expect(vetting.ApplicantName).ToHaveTextAsync(Amelie.FullName);
                await Expect(vetting.Status).ToHaveTextAsync("Submitted");

                await vetting.ApproveAsync();

                // Assert
                await Expect(vetting.Status).ToHaveTextAsync("In review");
                await Expect(vetting.Reviews.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["Valeria Vetter: approve (country)"]);
                await Expect(vetting.ActionErrors).ToBeHiddenAsync();
            },
            testName: $"{nameof(Vetter_ApprovesFromQueue_ApplicationBecomesApproved)}-country-vetter");

        // Act: the sector vetter completes the four eyes.
        await portal.RunAsync(
            async page =>
            {
                var vetting = new VettingPage(page);
                await SignInAsync(page, SectorVetter);
                await vetting.GotoQueueAsync();
                await vetting.OpenAsync(Amelie.FullName);

                await Expect(page).ToHaveURLAsync(applicationUrl);
                await Expect(vetting.Status).ToHaveTextAsync("In review");
                await Screenshots.SaveAsync(page, "vetting-application");

                await vetting.ApproveAsync();

                // Assert
                await Expect(vetting.Status).ToHaveTextAsync("Approved");
                await Expect(vetting.Reviews.GetByRole(AriaRole.Listitem))
                    .ToHaveTextAsync(["Valeria Vetter: approve (country)", "Viktor Vetter: approve (sector)"]);
                await Expect(vetting.ApproveButton).ToHaveCountAsync(0);
                await Screenshots.SaveAsync(page, "vetting-application-approved");
            },
            testName: $"{nameof(Vetter_ApprovesFromQueue_ApplicationBecomesApproved)}-sector-vetter");

        await portal.Smtp.WaitForAsync(m =>
            m.To.Mailboxes.Any(a => a.Address == Amelie.WorkEmail) && m.Subject == "Welcome to the CISOs European Community");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync(email, PortalFactory.DemoPassword);
        await Expect(new LayoutNav(page).SignedInAs).ToHaveTextAsync(email);
    }

    /// <summary>France for the country vetter, every sector for the sector vetter; rows a seed already added are kept.</summary>
    private Task<int> EnsureVetterScopesAsync() => portal.WithDbAsync(async db =>
    {
        var countryVetter = await db.Users.Where(u => u.Email == CountryVetter).Select(u => u.Id).SingleAsync();
        var sectorVetter = await db.Users.Where(u => u.Email == SectorVetter).Select(u => u.Id).SingleAsync();
        if (!await db.VetterCountries.AnyAsync(v => v.UserId == countryVetter && v.CountryCode == "FR"))
        {
            db.VetterCountries.Add(new VetterCountry { UserId = countryVetter, CountryCode = "FR" });
        }

        var covered = await db.VetterSectors.Where(v => v.UserId == sectorVetter).Select(v => v.SectorCode).ToListAsync();
        foreach (var sector in await db.Sectors.Select(s => s.Code).Where(code => !covered.Contains(code)).ToListAsync())
        {
            db.VetterSectors.Add(new VetterSector { UserId = sectorVetter, SectorCode = sector });
        }

        return await db.SaveChangesAsync();
    });

    /// <summary>The path and query of the confirmation link in the email's text body.</summary>
    private static string VerificationLink(string textBody)
    {
        var match = VerifyLink().Match(textBody);
        return match.Success
            ? new Uri(match.Value).PathAndQuery
            : throw new InvalidOperationException($"No /apply/verify/ link in the email:\n{textBody}");
    }

    [GeneratedRegex(@"https?://\S+/apply/verify/\S+")]
    private static partial Regex VerifyLink();

    [GeneratedRegex("/apply$")]
    private static partial Regex ApplyUrl();

    [GeneratedRegex("/apply/submitted$")]
    private static partial Regex SubmittedUrl();
}

using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using CecPortal.Web.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Profile;

/// <summary>A member edits their profile (a new organisation, country and sector confirmed by a vetter) and finds the result in the member directory.</summary>
public sealed class ProfileTests(BrowserPortal portal)
{
    [Fact]
    public async Task EditProfile_Member_SeesTheChangeInTheDirectoryThenHidesFromIt() => await portal.RunAsync(
        async page =>
        {
            // Arrange
            var profile = new ProfilePage(page);
            var members = new MembersPage(page);
            await profile.GotoAsync();

            // Act: a mistake first (the name left empty), then the corrected form.
            await profile.FullName.FillAsync(string.Empty);
            await profile.Organisation.FillAsync("Baltic Grid Operator");
            await profile.SaveButton.ClickAsync();
            await Expect(profile.FullNameError).ToHaveTextAsync("Enter your name.");
            await Expect(profile.Organisation).ToHaveValueAsync("Baltic Grid Operator");
            await profile.FullName.FillAsync("Liis Tamm");
            await profile.JobTitle.FillAsync("Group CISO");
            await profile.OrganisationWebsite.FillAsync("https://www.baltic-grid.example");
            await profile.Country.SelectOptionAsync("EE");
            await profile.Sector.SelectOptionAsync("energy");
            await profile.SaveButton.ClickAsync();

            // Assert: the name and job title changed at once; the organisation, country and sector wait for a vetter.
            await Expect(profile.StatusMessage).ToHaveTextAsync("Your profile is saved. The change of organisation, country or sector waits for a vetter's confirmation; until then the directory shows your previous details.");
            await Expect(profile.DisplayedName).ToHaveTextAsync("Liis Tamm");
            await Expect(profile.PendingChange).ToContainTextAsync("Baltic Grid Operator");
            await Expect(profile.PendingChange).ToContainTextAsync("Estonia");
            await Screenshots.SaveAsync(page, "profile-saved");
            await members.GotoAsync("?country=LV");
            var before = members.Row("Liis Tamm");
            await Expect(before).ToContainTextAsync("Group CISO");
            await Expect(before).ToContainTextAsync("Latvia");
            await Expect(before).Not.ToContainTextAsync("Baltic Grid Operator");

            // Act: the sector vetter (who covers the new sector, energy) confirms from the profile changes list.
            await portal.RunAsync(
                async vetterPage =>
                {
                    await vetterPage.GotoAsync("/admin/vetting/profile-changes");
                    await vetterPage.GetByRole(AriaRole.Link, new() { Name = "Liis Tamm", Exact = true }).ClickAsync();
                    await Expect(vetterPage.GetByTestId("new-organisation")).ToHaveTextAsync("Baltic Grid Operator");
                    await vetterPage.GetByTestId("confirm").ClickAsync();
                    await Expect(vetterPage.GetByTestId("change-status")).ToHaveTextAsync("Confirmed");
                    await Screenshots.SaveAsync(vetterPage, "profile-change-confirmed");
                },
                signedInAs: "vetter.sector@demo.cec.example");

            // Assert: the directory follows the confirmed change.
            await members.GotoAsync("?country=EE");
            var row = members.Row("Liis Tamm");
            await Expect(row).ToContainTextAsync("Group CISO");
            await Expect(row).ToContainTextAsync("Baltic Grid Operator");
            await Expect(row).ToContainTextAsync("Estonia");

            // Act: hide from the directory.
            await profile.GotoAsync();
            await profile.ShowInDirectory.UncheckAsync();
            await profile.SaveButton.ClickAsync();
            await Expect(profile.StatusMessage).ToHaveTextAsync("Your profile is saved.");
            await members.GotoAsync("?country=EE");

            // Assert
            await Expect(members.Row("Liis Tamm")).ToHaveCountAsync(0);
            await members.GotoAsync("?country=FR");
            await Expect(members.Row("Marie Dubois")).ToHaveCountAsync(1);
        },
        signedInAs: await CreateMemberAsync("profile.editor@browser.example"));

    private async Task<string> CreateMemberAsync(string email)
    {
        await TestUsers.CreateAsync(portal.Services, new TestUser(email, "Liis T.", Roles.Member)
        {
            CountryCode = "LV",
            SectorCode = "transport",
            Password = PortalFactory.DemoPassword,
        });
        return email;
    }
}

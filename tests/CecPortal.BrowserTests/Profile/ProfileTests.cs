using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using CecPortal.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Profile;

/// <summary>A member edits their profile and finds the result in the member directory.</summary>
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
            await profile.Country.SelectOptionAsync("EE");
            await profile.Sector.SelectOptionAsync("energy");
            await profile.SaveButton.ClickAsync();

            // Assert
            await Expect(profile.StatusMessage).ToHaveTextAsync("Your profile is saved.");
            await Expect(profile.DisplayedName).ToHaveTextAsync("Liis Tamm");
            await Screenshots.SaveAsync(page, "profile-saved");
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

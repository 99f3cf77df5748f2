using System.Text.RegularExpressions;
using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using CecPortal.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Admin.Staff;

/// <summary>An Admin makes a member an Editor; the member then signs in and works in the editorial area.</summary>
public sealed partial class StaffManagementTests(BrowserPortal portal)
{
    [Fact]
    public async Task AddStaff_AdminGrantsEditorToMember_MemberSeesEditorialAreaAfterSigningIn()
    {
        // Arrange
        var email = $"editor.to.be.{Guid.NewGuid():N}"[..24] + "@staff-demo.eu";
        await TestUsers.CreateAsync(portal.Services, new TestUser(email, "Emil Promoted", Roles.Member) { Password = PortalFactory.DemoPassword });

        // Act: the Admin adds the member as staff with the Editor role.
        await portal.RunAsync(
            async page =>
            {
                var staff = new StaffPages(page);
                await staff.GotoListAsync();
                await staff.AddStaffLink.ClickAsync();
                await staff.Email.FillAsync(email);
                await staff.Role.SelectOptionAsync(Roles.Editor);
                await staff.AddButton.ClickAsync();

                await Expect(page).ToHaveURLAsync(PersonUrl());
                await Expect(staff.StatusMessage).ToContainTextAsync("Emil Promoted now has the Editor role");
                await Expect(staff.RoleLine(Roles.Editor).GetByTestId("held")).ToHaveTextAsync("Held");
                await staff.GotoListAsync();
                await Expect(staff.ListRow(email).GetByTestId("roles")).ToContainTextAsync("Editor");
            },
            signedInAs: PortalFactory.AdminEmail);

        // Assert: the member signs in afresh and reaches the briefings editor.
        await portal.RunAsync(async page =>
        {
            var nav = new LayoutNav(page);
            var login = new LoginPage(page);
            await login.GotoAsync();
            await login.SignInAsync(email, PortalFactory.DemoPassword);
            await Expect(nav.SignedInAs).ToHaveTextAsync(email);
            await Expect(nav.Link("Admin")).ToBeVisibleAsync();

            var editor = new BriefingEditorPage(page);
            await editor.GotoListAsync();
            await Expect(page).ToHaveURLAsync(BriefingsUrl());
            await Expect(editor.NewBriefingLink).ToBeVisibleAsync();
        });
    }

    [GeneratedRegex("/admin/staff/[0-9a-f-]{36}$")]
    private static partial Regex PersonUrl();

    [GeneratedRegex("/admin/briefings$")]
    private static partial Regex BriefingsUrl();
}

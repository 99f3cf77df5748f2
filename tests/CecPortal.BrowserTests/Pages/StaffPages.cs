using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>The staff list at <c>/admin/staff</c>, the add-staff form and one person's roles page.</summary>
public sealed class StaffPages(IPage page)
{
    public const string ListPath = "/admin/staff";

    public ILocator AddStaffLink => page.GetByRole(AriaRole.Link, new() { Name = "Add a staff member", Exact = true });

    public ILocator Email => page.GetByLabel("Email address");

    public ILocator FullName => page.GetByLabel("Full name (for a new account)");

    public ILocator Role => page.GetByLabel("Role");

    public ILocator AddButton => page.GetByRole(AriaRole.Button, new() { Name = "Add staff member" });

    public ILocator StatusMessage => page.Locator("main [role=status]");

    /// <summary>The line of one role on a person's roles page: its name, whether it is held, and its grant/revoke button.</summary>
    public ILocator RoleLine(string role) => page.Locator($"li[data-role={role}]");

    public ILocator ListRow(string email) => page.Locator($"[data-testid=staff] tbody tr[data-staff='{email}']");

    public async Task GotoListAsync() => await page.GotoAsync(ListPath);
}

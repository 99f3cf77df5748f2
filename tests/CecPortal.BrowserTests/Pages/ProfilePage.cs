using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>The member's own profile at <c>/profile</c>: the details form and the account card.</summary>
public sealed class ProfilePage(IPage page)
{
    public const string Path = "/profile";

    private ILocator Form => page.GetByTestId("details-form");

    public ILocator FullName => Form.GetByLabel("Full name");

    public ILocator JobTitle => Form.GetByLabel("Job title");

    public ILocator Organisation => Form.GetByLabel("Organisation", new() { Exact = true });

    public ILocator OrganisationWebsite => Form.GetByLabel("New organisation's website");

    /// <summary>The notice of a change of organisation, country or sector waiting for a vetter.</summary>
    public ILocator PendingChange => page.GetByTestId("pending-profile-change");

    public ILocator Country => Form.GetByLabel("Country");

    public ILocator Sector => Form.GetByLabel("NIS2 sector");

    public ILocator ShowInDirectory => Form.GetByLabel("Show me in the member directory");

    public ILocator SaveButton => Form.GetByRole(AriaRole.Button, new() { Name = "Save my details" });

    public ILocator FullNameError => page.GetByTestId("full-name-error");

    public ILocator StatusMessage => page.GetByRole(AriaRole.Status).First;

    public ILocator DisplayedName => page.GetByTestId("profile-name");

    public async Task GotoAsync() => await page.GotoAsync(Path);
}

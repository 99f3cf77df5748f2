using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>The banner that asks a member to confirm their role (or says the membership lapsed), on every page of the layout.</summary>
public sealed class AttestationBanner(IPage page)
{
    public ILocator Banner => page.GetByTestId("attestation-banner");

    public ILocator StatusMessage => page.GetByRole(AriaRole.Status);

    /// <summary>The one-click confirmation, named after the organisation on the member's profile.</summary>
    public ILocator ConfirmButton(string organisation) =>
        Banner.GetByRole(AriaRole.Button, new() { Name = $"I still hold a security leadership role at {organisation}" });
}

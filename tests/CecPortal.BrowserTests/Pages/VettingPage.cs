using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>The vetting queue at <c>/admin/vetting</c> and the application page a vetter opens from it.</summary>
public sealed class VettingPage(IPage page)
{
    public const string QueuePath = "/admin/vetting";

    /// <summary>The queue's table of applications.</summary>
    public ILocator Queue => page.GetByTestId("queue");

    public ILocator ApplicantName => page.GetByTestId("applicant-name");

    public ILocator Status => page.GetByTestId("application-status");

    /// <summary>The approvals and declines of the current round.</summary>
    public ILocator Reviews => page.GetByTestId("reviews");

    public ILocator ApproveButton => page.GetByTestId("approve");

    public ILocator ActionErrors => page.GetByTestId("action-errors");

    public async Task GotoQueueAsync() => await page.GotoAsync(QueuePath);

    /// <summary>The link to an application in the queue, by the applicant's full name.</summary>
    public ILocator Applicant(string fullName) => Queue.GetByRole(AriaRole.Link, new() { Name = fullName, Exact = true });

    public async Task OpenAsync(string fullName) => await Applicant(fullName).ClickAsync();

    public async Task ApproveAsync() => await ApproveButton.ClickAsync();
}

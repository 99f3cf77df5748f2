using System.Net;
using CecPortal.Testing;
using Shouldly;

namespace CecPortal.IntegrationTests.Privacy;

/// <summary>A portal whose retention periods differ from the defaults, to show that /privacy reads them from configuration.</summary>
public sealed class CustomRetentionPortalFixture : PortalFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Retention:UnverifiedApplications"] = "10.00:00:00",
        ["Retention:ClosedApplications"] = "90.00:00:00",
        ["Retention:DeliveryDetails"] = "730.00:00:00",
        ["Retention:SentEmails"] = "30.00:00:00",
        ["Retention:AuditClientDetails"] = "183.00:00:00",
        ["Retention:Messages"] = "365.00:00:00",
        ["Retention:RedMessages"] = "7.00:00:00",
        ["Retention:MessageReports"] = "90.00:00:00",
        ["Retention:ConsultationDrafts"] = "14.00:00:00",
    };
}

public sealed class PrivacyPageTests(CustomRetentionPortalFixture portal) : IClassFixture<CustomRetentionPortalFixture>
{
    [Fact]
    public async Task Get_Anonymously_ShowsNoticeAndInventoryWithConfiguredPeriods()
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri("/privacy", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.QuerySelector("[data-testid=notice-version]")!.TextContent.ShouldContain("Version 1");
        page.QuerySelector("[data-testid=notice-text] h2")!.TextContent.ShouldBe("Who we are");
        string RetainedFor(string data) => page.QuerySelector($"[data-testid=data-inventory] tr[data-data='{data}'] [data-testid=retained-for]")!.TextContent;
        RetainedFor("Membership application").ShouldContain("deleted 10 days after applying");
        RetainedFor("Membership application").ShouldContain("deleted 90 days after the decision");
        RetainedFor("Briefing delivery records").ShouldStartWith("2 years;");
        RetainedFor("Emails we sent you").ShouldBe("30 days after sending.");
        RetainedFor("Sign-in history and audit log").ShouldContain("IP address and browser: 6 months.");
        RetainedFor("Sharing space").ShouldStartWith("Messages: 1 year after posting; TLP:RED messages: 7 days.");
        RetainedFor("Reports of sharing-space messages").ShouldContain("then 90 days after the decision");
        RetainedFor("Consultation answers").ShouldContain("deleted 14 days after the consultation closes");
        RetainedFor("Changes of organisation, country or sector").ShouldContain("then 90 days after the decision");
        RetainedFor("Yearly membership confirmation and alumni record").ShouldStartWith("For as long as you are a member");
        RetainedFor("Bounces and spam complaints").ShouldContain("2 years");
        page.QuerySelectorAll("[data-testid=data-inventory] tbody tr").Length.ShouldBe(14);
    }

    [Fact]
    public async Task GetApply_ShowsConfiguredPeriodsAndNoticeVersion()
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        var page = await client.GetDocumentAsync("/apply");

        // Assert
        var summary = page.QuerySelector("[data-testid=privacy-summary]")!.TextContent;
        summary.ShouldContain("(version 1)");
        summary.ShouldContain("10 days");
        summary.ShouldContain("90 days after the decision");
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.PersonalData;

/// <summary>A member downloads everything the portal holds about them, from their profile.</summary>
public sealed class YourDataTests(BrowserPortal portal)
{
    [Fact]
    public Task Download_SignedInMember_SavesADatedJsonFileWithTheirProfile() => portal.RunAsync(
        async page =>
        {
            // Arrange
            var yourData = new YourDataPage(page);
            await yourData.OpenFromProfileAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/profile/data$"));

            // Act
            var download = await yourData.DownloadAsync();

            // Assert
            download.SuggestedFilename.ShouldBe($"cec-portal-my-data-{DateTime.UtcNow:yyyy-MM-dd}.json");
            var path = await download.PathAsync();
            var json = JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))!;
            json["format"]!.GetValue<string>().ShouldBe("cec-portal/personal-data");
            json["profile"]!["email"]!.GetValue<string>().ShouldBe(PortalFactory.MemberEmail);
            json["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldContain("Member");
            await Screenshots.SaveAsync(page, "your-data");
        },
        signedInAs: PortalFactory.MemberEmail);
}

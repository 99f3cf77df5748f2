using CecPortal.Web.Features.Briefings;
using CecPortal.Web.SharedKernel;

namespace CecPortal.UnitTests.Briefings;

public sealed class BriefingFeedContentTests
{
    [Fact]
    public void ContentHtml_Entry_StartsWithTheLabelAndEncodesTheVulnerabilityFields()
    {
        // Arrange
        var entry = new FeedEntry(
            new DateOnly(2026, 11, 25),
            "Title",
            "<p>Sanitized body</p>",
            TlpLabel.AmberStrict,
            [new VulnerabilityEntry { CveId = "CVE-2026-0001", Product = "<script>alert(1)</script> Gateway", Severity = VulnerabilitySeverity.High, Summary = "a & b" }],
            DateTimeOffset.UnixEpoch,
            DateTimeOffset.UnixEpoch);

        // Act
        var html = BriefingFeed.ContentHtml(entry);

        // Assert
        html.ShouldStartWith("<p><strong>TLP:AMBER&#x2B;STRICT</strong>");
        html.ShouldContain("<p>Sanitized body</p>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; Gateway (High): a &amp; b");
        html.ShouldNotContain("<script>");
    }
}

using CecPortal.Web.Features.Home;

namespace CecPortal.UnitTests.Home;

/// <summary>The first lines of a briefing on the home: plain sentences, never Markdown or HTML.</summary>
public sealed class TodayExcerptTests
{
    [Fact]
    public void Excerpt_HeadingsListsAndMarkup_KeepsTheParagraphsAsPlainSentences()
    {
        // Arrange
        const string markdown = """
            Attackers exploit a flaw in **Meridian Backup** to delete restore points. See [the advisory](https://example.org/a).

            ## What the attackers do

            - a list item that is not a sentence

            They reach the backup server's API with a low-privileged account.
            """;

        // Act
        var excerpt = MemberToday.Excerpt(markdown);

        // Assert
        excerpt.ShouldBe("Attackers exploit a flaw in Meridian Backup to delete restore points. See the advisory. "
            + "They reach the backup server's API with a low-privileged account.");
        excerpt.ShouldNotContain("What the attackers do");
        excerpt.ShouldNotContain("**");
    }

    [Fact]
    public void Excerpt_LongBody_IsCutAtAWordWithAnEllipsis()
    {
        // Arrange
        var markdown = string.Join(' ', Enumerable.Repeat("ransomware", 60));

        // Act
        var excerpt = MemberToday.Excerpt(markdown);

        // Assert
        excerpt.Length.ShouldBeLessThanOrEqualTo(281);
        excerpt.ShouldEndWith("ransomware…");
    }
}

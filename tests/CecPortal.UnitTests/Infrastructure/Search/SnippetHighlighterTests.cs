using AngleSharp.Html.Parser;
using CecPortal.Web.Infrastructure.Search;

namespace CecPortal.UnitTests.Infrastructure.Search;

public sealed class SnippetHighlighterTests
{
    private const char Start = SnippetHighlighter.StartMarker;
    private const char Stop = SnippetHighlighter.StopMarker;

    [Fact]
    public void ToHtml_MarkedWords_BecomeMarkElements()
    {
        // Arrange
        var headline = $"Patch the {Start}backup{Stop} server and test every {Start}restore{Stop}.";

        // Act
        var html = SnippetHighlighter.ToHtml(headline);

        // Assert
        html.ShouldBe("Patch the <mark>backup</mark> server and test every <mark>restore</mark>.");
    }

    [Fact]
    public void ToHtml_ScriptInTheMarkdown_IsEncodedWhileTheMatchIsMarked()
    {
        // Arrange
        var headline = $"<script>alert('x')</script> near the {Start}exploit{Stop} & <img src=x onerror=alert(1)>";

        // Act
        var html = SnippetHighlighter.ToHtml(headline);
        var body = new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + html).Body!;

        // Assert
        html.ShouldNotContain("<script");
        html.ShouldNotContain("<img");
        html.ShouldContain("&lt;script&gt;");
        html.ShouldContain("<mark>exploit</mark>");
        body.QuerySelectorAll("*").Select(e => e.LocalName).ShouldBe(["mark"]);
        body.TextContent.ShouldBe("<script>alert('x')</script> near the exploit & <img src=x onerror=alert(1)>");
    }

    [Fact]
    public void ToHtml_HtmlTagsAroundAMatch_CannotEscapeTheMark()
    {
        // Arrange: an attacker writes markup that would close the mark and open a tag if only the markers were replaced.
        var headline = $"{Start}</mark><b onclick=alert(1)>ransomware{Stop}";

        // Act
        var html = SnippetHighlighter.ToHtml(headline);

        // Assert
        html.ShouldBe("<mark>&lt;/mark&gt;&lt;b onclick=alert(1)&gt;ransomware</mark>");
    }

    [Theory]
    [InlineData("a\u0002b", "a<mark>b</mark>")]
    [InlineData("a\u0003b", "ab")]
    [InlineData("\u0002a\u0002b\u0003\u0003c", "<mark>ab</mark>c")]
    public void ToHtml_UnbalancedMarkers_AlwaysGiveBalancedMarks(string headline, string expected)
    {
        // Act
        var html = SnippetHighlighter.ToHtml(headline);

        // Assert
        html.ShouldBe(expected);
    }

    [Fact]
    public void ToHtml_MarkdownSyntax_IsDroppedAndLinesAreJoined()
    {
        // Arrange
        var headline = $"## Patch now\n\n- **CVE-2026-47002** in *Meridian {Start}Backup{Stop} Suite*\n> quoted | cell |\n|---|---|";

        // Act
        var html = SnippetHighlighter.ToHtml(headline);

        // Assert
        html.ShouldBe("Patch now • CVE-2026-47002 in Meridian <mark>Backup</mark> Suite quoted cell");
    }

    [Fact]
    public void HeadlineOptions_UseTheMarkersAsSelections()
    {
        // Assert: the database marks matches with exactly the characters the highlighter turns into <mark>.
        SnippetHighlighter.HeadlineOptions.ShouldContain("StartSel=\"\u0002\"");
        SnippetHighlighter.HeadlineOptions.ShouldContain("StopSel=\"\u0003\"");
    }
}

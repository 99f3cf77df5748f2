using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CecPortal.Web.Infrastructure.Markdown;
using CecPortal.Web.SharedKernel;

namespace CecPortal.UnitTests.Infrastructure.Markdown;

public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    /// <summary>Known Markdown and HTML XSS vectors; none may survive as script, handler, frame, form or dangerous URL.</summary>
    public static TheoryData<string> XssVectors() =>
    [
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "[click](  javascript:alert(1))",
        "[click](jav&#x61;script:alert(1))",
        "[click](java\tscript:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![img](javascript:alert(1))",
        "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "[ref][x]\n\n[x]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<form action=\"https://evil.example\"><input name=p></form>",
        "<svg onload=alert(1)>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "[x](https://ok.example \"\\\" onmouseover=alert(1) \\\"\")",
        "`<script>alert(1)</script>`",
        "```html\n<script>alert(1)</script>\n```",
        "- [x] <img src=x onerror=alert(1)>",
        "| a | b |\n|---|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
        "<details open ontoggle=alert(1)>",
        "[x](https://ok.example){onclick=alert(1)}",
        "{onclick=alert(1)}\n# Heading",
    ];

    [Theory]
    [MemberData(nameof(XssVectors))]
    public void Render_XssVector_IsNeutralised(string markdown)
    {
        var html = Renderer.Render(markdown);

        // Judge the markup a browser would build, not the text: an escaped "<script>" shown as text is harmless.
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        document.QuerySelectorAll("script, iframe, frame, object, embed, form, input, button, textarea, select, svg, math, style, link, meta, details")
            .ShouldBeEmpty(html);
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                attribute.Name.ShouldNotStartWith("on", Case.Insensitive, html);
                attribute.Name.ShouldNotBe("style", html);
                if (attribute.Name is "href" or "src")
                {
                    MarkdownRenderer.IsSafeUrl(attribute.Value).ShouldBeTrue(html);
                }
            }
        }
    }

    [Fact]
    public void Render_UnsafeLink_KeepsItsWordsAsText()
    {
        var html = Renderer.Render("see [the advisory](javascript:alert(1)) now");

        html.ShouldBe("<p>see the advisory now</p>\n");
    }

    [Fact]
    public void Render_SafeLinks_AreKeptWithNoOpener()
    {
        var html = Renderer.Render("[site](https://example.eu/a?b=1) and [mail](mailto:soc@example.eu)");

        html.ShouldContain("href=\"https://example.eu/a?b=1\"");
        html.ShouldContain("href=\"mailto:soc@example.eu\"");
        html.ShouldContain("rel=\"noopener noreferrer nofollow\"");
    }

    [Fact]
    public void Render_WebLinksOnly_KeepsHttpsAndDropsMailLinksKeepingTheirWords()
    {
        var html = Renderer.Render("[site](https://example.eu/a) and [mail](mailto:soc@example.eu) and <soc@example.eu>", webLinksOnly: true);

        html.ShouldContain("href=\"https://example.eu/a\"");
        html.ShouldNotContain("mailto:");
        html.ShouldContain("and mail and soc@example.eu");
    }

    [Fact]
    public void Render_CveIdInText_LinksToItsPublicRecord()
    {
        var html = Renderer.Render("Patch cve-2026-12345 today; see `CVE-2026-99999` in code.");

        html.ShouldContain("<a href=\"https://www.cve.org/CVERecord?id=CVE-2026-12345\" rel=\"noopener noreferrer nofollow\">CVE-2026-12345</a>");
        html.ShouldContain("<code>CVE-2026-99999</code>");
        html.ShouldNotContain("id=CVE-2026-99999");
    }

    [Fact]
    public void Render_CveIdAlreadyInsideLink_IsNotLinkedTwice()
    {
        var html = Renderer.Render("[CVE-2026-0001 write-up](https://blog.example/cve)");

        Regex.Count(html, "<a ").ShouldBe(1);
        html.ShouldContain("href=\"https://blog.example/cve\"");
    }

    [Fact]
    public void Render_AdvancedExtensions_ProduceTablesAndTaskMarksWithoutInputs()
    {
        var html = Renderer.Render("| CVE | Severity |\n|---|---|\n| CVE-2026-1111 | High |\n\n- [x] patched\n- [ ] verified\n\nhttps://auto.example/link");

        html.ShouldContain("<table>");
        html.ShouldContain("<th>Severity</th>");
        html.ShouldContain("☑ patched");
        html.ShouldContain("☐ verified");
        html.ShouldNotContain("<input");
        html.ShouldContain("href=\"https://auto.example/link\"");
    }

    [Fact]
    public void Render_RawHtml_IsShownAsTextNotMarkup()
    {
        var html = Renderer.Render("Hello <b>world</b>");

        html.ShouldContain("&lt;b&gt;world&lt;/b&gt;");
    }

    [Theory]
    [InlineData("![pixel](https://tracker.example/p.gif)", "https://tracker.example/p.gif", "pixel")]
    [InlineData("![](http://tracker.example/p.gif)", "http://tracker.example/p.gif", "image")]
    [InlineData("![Chart](https://tracker.example/c.png \"title\")", "https://tracker.example/c.png", "Chart")]
    public void Render_RemoteImage_BecomesALinkWithItsAltText(string markdown, string url, string text)
    {
        var html = Renderer.Render(markdown);

        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        document.QuerySelectorAll("img").ShouldBeEmpty(html);
        var link = document.QuerySelector("a").ShouldNotBeNull(html);
        link.GetAttribute("href").ShouldBe(url);
        link.TextContent.ShouldBe(text);
        link.GetAttribute("rel").ShouldBe("noopener noreferrer nofollow");
    }

    [Fact]
    public void Render_SiteImage_IsKept()
    {
        var html = Renderer.Render("![logo](/img/logo.png)");

        html.ShouldContain("<img src=\"/img/logo.png\" alt=\"logo\">");
    }

    [Theory]
    [InlineData("<p><img src=\"https://tracker.example/p.gif\" alt=\"x\"></p>", "<p><a href=\"https://tracker.example/p.gif\" rel=\"noopener noreferrer nofollow\">x</a></p>")]
    [InlineData("<p><img src=\"//tracker.example/p.gif\"></p>", "<p>image</p>")]
    [InlineData("<p><img src=\"/\\tracker.example/p.gif\"></p>", "<p>image</p>")]
    [InlineData("<p><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" alt=\"x\"></p>", "<p><img alt=\"x\"></p>")]
    public void Sanitize_StoredHtmlWithRemoteImage_KeepsNoRemoteImage(string stored, string expected) =>
        Renderer.Sanitize(stored).ShouldBe(expected);

    [Theory]
    [InlineData(TlpLabel.Clear, "TLP:CLEAR", true)]
    [InlineData(TlpLabel.Green, "TLP:GREEN", true)]
    [InlineData(TlpLabel.Amber, "TLP:AMBER", true)]
    [InlineData(TlpLabel.AmberStrict, "TLP:AMBER+STRICT", true)]
    [InlineData(TlpLabel.Red, "TLP:RED", false)]
    public void TlpLabel_DisplayAndEmailRule_FollowTlp2(TlpLabel label, string display, bool emailable)
    {
        label.Display().ShouldBe(display);
        label.MayBeEmailed().ShouldBe(emailable);
    }

    [Fact]
    public void TlpDefault_IsAmber() => TlpRules.Default.ShouldBe(TlpLabel.Amber);
}

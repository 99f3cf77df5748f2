using CecPortal.Web.Infrastructure.Email;

namespace CecPortal.UnitTests.Infrastructure.Email;

public sealed class EmailTemplateTests
{
    private const string ResetUrl = "https://portal.example/account/reset-password?email=a%40b.example&code=Q2VjLXRva2Vu";

    [Fact]
    public void Compose_WithParagraphs_ProducesHtmlAndTextBodies()
    {
        // Arrange
        string[] paragraphs = ["Hello Marie,", "Your application was received."];

        // Act
        var message = EmailTemplate.Compose("marie@example.org", "Application received", paragraphs);

        // Assert
        message.To.ShouldBe("marie@example.org");
        message.Subject.ShouldBe("Application received");
        message.HtmlBody.ShouldStartWith("<!DOCTYPE html><html lang=\"en\">");
        message.HtmlBody.ShouldContain("<title>Application received</title>");
        message.HtmlBody.ShouldContain(">Application received</h1>");
        message.HtmlBody.ShouldContain(">Hello Marie,</p>");
        message.HtmlBody.ShouldContain(">Your application was received.</p>");
        message.HtmlBody.ShouldEndWith("</body></html>");
        message.TextBody.ShouldStartWith("Application received\n\n");
        message.TextBody.ShouldContain("Hello Marie,\n\nYour application was received.\n\n");
        message.TextBody.ShouldNotContain("<");
    }

    [Fact]
    public void Compose_ParagraphWithScriptTag_HtmlEncodesItInHtmlBody()
    {
        // Arrange
        string[] paragraphs = ["Hello <script>alert('x')</script> & friends"];

        // Act
        var message = EmailTemplate.Compose("a@example.org", "Subject", paragraphs);

        // Assert
        message.HtmlBody.ShouldNotContain("<script>");
        message.HtmlBody.ShouldContain("&lt;script&gt;");
        message.HtmlBody.ShouldContain("&amp; friends");
        message.TextBody.ShouldContain("Hello <script>alert('x')</script> & friends");
    }

    [Fact]
    public void Compose_SubjectWithMarkup_HtmlEncodesHeading()
    {
        // Arrange
        const string subject = "<b>Urgent</b> & important";

        // Act
        var message = EmailTemplate.Compose("a@example.org", subject, ["Body"]);

        // Assert
        message.HtmlBody.ShouldNotContain("<b>Urgent</b>");
        message.HtmlBody.ShouldContain(">&lt;b&gt;Urgent&lt;/b&gt; &amp; important</h1>");
        message.Subject.ShouldBe(subject);
    }

    [Fact]
    public void Compose_WithAction_IncludesUrlInBothBodies()
    {
        // Arrange
        var action = ("Choose a new password", ResetUrl);

        // Act
        var message = EmailTemplate.Compose("a@example.org", "Reset your password", ["Hello,"], action);

        // Assert
        var encodedUrl = ResetUrl.Replace("&", "&amp;", StringComparison.Ordinal);
        message.HtmlBody.ShouldContain($"href=\"{encodedUrl}\"");
        message.HtmlBody.ShouldContain(">Choose a new password</a>");
        message.HtmlBody.ShouldContain($"copy this address into your browser: {encodedUrl}</p>");
        message.TextBody.ShouldContain($"Choose a new password: {ResetUrl}\n");
    }

    [Fact]
    public void Compose_ActionUrlWithQuote_CannotBreakOutOfHrefAttribute()
    {
        // Arrange
        var action = ("Open", "https://portal.example/?q=\"><script>x</script>");

        // Act
        var message = EmailTemplate.Compose("a@example.org", "Subject", ["Body"], action);

        // Assert
        message.HtmlBody.ShouldNotContain("\"><script>");
        message.HtmlBody.ShouldContain("&quot;&gt;&lt;script&gt;");
    }

    [Fact]
    public void Compose_WithoutAction_HasNoLink()
    {
        // Arrange
        string[] paragraphs = ["Just news."];

        // Act
        var message = EmailTemplate.Compose("a@example.org", "News", paragraphs);

        // Assert
        message.HtmlBody.ShouldNotContain("<a ");
        message.HtmlBody.ShouldNotContain("copy this address");
        message.TextBody.ShouldBe("News\n\nJust news.\n\n-- \nCISOs European Community portal\n");
    }
}

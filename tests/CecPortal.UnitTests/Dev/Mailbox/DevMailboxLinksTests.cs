using CecPortal.Web.Features.Dev.Mailbox;
using CecPortal.Web.Infrastructure.Email;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CecPortal.UnitTests.Dev.Mailbox;

public sealed class DevMailboxLinksTests
{
    [Fact]
    public void LinksIn_LinksInTextAndHtml_ReturnsEachLinkOnce()
    {
        // Arrange
        using var message = Message(
            text: "Open https://portal.example/a and http://portal.example/b",
            html: "<p><a href=\"https://portal.example/a\">A</a> <a href='https://portal.example/c'>C</a></p>");

        // Act
        var links = DevMailbox.LinksIn(message);

        // Assert
        links.ShouldBe(["https://portal.example/a", "http://portal.example/b", "https://portal.example/c"]);
    }

    [Fact]
    public void LinksIn_HtmlEncodedAmpersand_IsDecoded()
    {
        // Arrange
        using var message = Message(
            text: null,
            html: "<a href=\"https://portal.example/account/confirm?userId=42&amp;code=abc\">Confirm</a>");

        // Act
        var links = DevMailbox.LinksIn(message);

        // Assert
        links.ShouldBe(["https://portal.example/account/confirm?userId=42&code=abc"]);
    }

    [Fact]
    public void LinksIn_EncodedHtmlLinkAndRawTextLink_CountOnce()
    {
        // Arrange
        using var message = Message(
            text: "Reset: https://portal.example/reset?email=a&code=b",
            html: "<a href=\"https://portal.example/reset?email=a&amp;code=b\">Reset</a>");

        // Act
        var links = DevMailbox.LinksIn(message);

        // Assert
        links.ShouldHaveSingleItem().ShouldBe("https://portal.example/reset?email=a&code=b");
    }

    [Fact]
    public void LinksIn_NonHttpSchemes_AreIgnored()
    {
        // Arrange
        using var message = Message(
            text: "Write to mailto:help@cec.example or fetch ftp://files.cec.example/x",
            html: "<a href=\"javascript:alert(1)\">x</a>");

        // Act
        var links = DevMailbox.LinksIn(message);

        // Assert
        links.ShouldBeEmpty();
    }

    [Fact]
    public void LinksIn_MessageWithoutBodies_ReturnsEmpty()
    {
        // Arrange
        using var message = new MimeMessage();

        // Act
        var links = DevMailbox.LinksIn(message);

        // Assert
        links.ShouldBeEmpty();
    }

    [Fact]
    public void LinksIn_PortalTemplateSentThroughEmailSender_FindsTheActionUrl()
    {
        // Arrange
        const string url = "https://portal.example/account/reset-password?email=marie%40example.org&code=Q2Vj-dG9r_ZW4";
        var email = EmailTemplate.Compose("marie@example.org", "Reset your password", ["Hello,"], ("Choose a new password", url));
        var sender = new EmailSender(Options.Create(new EmailOptions()), NullLogger<EmailSender>.Instance);
        using var message = sender.ToMime(email);

        // Act
        var links = DevMailbox.LinksIn(message);

        // Assert
        links.ShouldBe([url]);
    }

    private static MimeMessage Message(string? text, string? html) => new()
    {
        Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody(),
    };
}

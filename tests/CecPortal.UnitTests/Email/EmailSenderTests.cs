using CecPortal.Web.Infrastructure.Email;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CecPortal.UnitTests.Email;

public sealed class EmailSenderTests
{
    private static readonly EmailMessage Message = new(
        "marie.dubois@example.org",
        "Confirm your email address",
        "<p>Please <a href=\"https://portal.example/confirm\">confirm</a>.</p>",
        "Please confirm: https://portal.example/confirm");

    private static EmailSender CreateSender() => new(
        Options.Create(new EmailOptions { FromAddress = "noreply@cec.test", FromName = "CEC Test Portal" }),
        NullLogger<EmailSender>.Instance);

    [Fact]
    public void ToMime_Message_IsMultipartAlternativeWithTextThenHtml()
    {
        // Arrange
        var sender = CreateSender();

        // Act
        using var mime = sender.ToMime(Message);

        // Assert
        var body = mime.Body.ShouldBeOfType<MultipartAlternative>();
        body.Count.ShouldBe(2);
        var text = body[0].ShouldBeOfType<TextPart>();
        var html = body[1].ShouldBeOfType<TextPart>();
        text.ContentType.MimeType.ShouldBe("text/plain");
        html.ContentType.MimeType.ShouldBe("text/html");
        text.Text.ShouldBe(Message.TextBody);
        html.Text.ShouldBe(Message.HtmlBody);
    }

    [Fact]
    public void ToMime_Message_TakesSenderFromOptionsAndRecipientAndSubjectFromMessage()
    {
        // Arrange
        var sender = CreateSender();

        // Act
        using var mime = sender.ToMime(Message);

        // Assert
        var from = mime.From.Mailboxes.ShouldHaveSingleItem();
        from.Address.ShouldBe("noreply@cec.test");
        from.Name.ShouldBe("CEC Test Portal");
        mime.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("marie.dubois@example.org");
        mime.Subject.ShouldBe("Confirm your email address");
    }

    [Fact]
    public void ToMime_NonAsciiContent_SurvivesSerialisation()
    {
        // Arrange
        var sender = CreateSender();
        var message = new EmailMessage("p.garcia@example.org", "Énergie – mise à jour", "<p>Siobhán García</p>", "Siobhán García");
        using var stream = new MemoryStream();

        // Act
        using var mime = sender.ToMime(message);
        mime.WriteTo(stream, TestContext.Current.CancellationToken);
        stream.Position = 0;
        using var parsed = MimeMessage.Load(stream, TestContext.Current.CancellationToken);

        // Assert
        parsed.Subject.ShouldBe("Énergie – mise à jour");
        parsed.TextBody.ShouldBe("Siobhán García");
        parsed.HtmlBody.ShouldBe("<p>Siobhán García</p>");
    }

    [Fact]
    public void ToMime_InvalidRecipient_Throws()
    {
        // Arrange
        var sender = CreateSender();
        var message = Message with { To = "not an address <" };

        // Act
        var act = () => sender.ToMime(message);

        // Assert
        Should.Throw<ParseException>(act);
    }
}

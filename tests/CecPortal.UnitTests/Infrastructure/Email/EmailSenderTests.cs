using CecPortal.Web.Infrastructure.Email;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CecPortal.UnitTests.Infrastructure.Email;

public sealed class EmailSenderTests
{
    private static readonly EmailMessage Message = new(
        "marie.dubois@example.org",
        "Confirm your email address",
        "<p>Please <a href=\"https://portal.example/confirm\">confirm</a>.</p>",
        "Please confirm: https://portal.example/confirm");

    private const string Invitation = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:webinar-1@cec.test\r\nSEQUENCE:0\r\nDTSTAMP:20261125T090000Z\r\nDTSTART:20261208T140000Z\r\nDTEND:20261208T150000Z\r\nSUMMARY:Zero trust – Siobhán's notes\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    private static string Decoded(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content, TestContext.Current.CancellationToken);
        return System.Text.Encoding.UTF8.GetString(content.ToArray());
    }

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
    public void ToMime_WithCalendar_IsMixedWithIMipPartBesideTheBodiesAndAnIcsAttachment()
    {
        // Arrange
        var sender = CreateSender();
        var message = Message with { Calendar = new EmailCalendar("REQUEST", Invitation) };

        // Act
        using var mime = sender.ToMime(message);

        // Assert
        var mixed = mime.Body.ShouldBeOfType<Multipart>();
        mixed.ContentType.MimeType.ShouldBe("multipart/mixed");
        mixed.Count.ShouldBe(2);
        var alternative = mixed[0].ShouldBeOfType<MultipartAlternative>();
        alternative.Select(p => p.ContentType.MimeType).ShouldBe(["text/plain", "text/html", "text/calendar"]);
        var calendar = alternative[2].ShouldBeOfType<TextPart>();
        calendar.ContentType.Parameters["method"].ShouldBe("REQUEST");
        calendar.ContentType.Charset.ShouldBe("utf-8");
        Decoded(calendar).ShouldBe(Invitation, "byte for byte, CRLF line ends included (RFC 5545)");
        var attachment = mixed[1].ShouldBeOfType<MimePart>();
        attachment.IsAttachment.ShouldBeTrue();
        attachment.FileName.ShouldBe("invite.ics");
        attachment.ContentType.MimeType.ShouldBe("application/ics");
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content, TestContext.Current.CancellationToken);
        System.Text.Encoding.UTF8.GetString(content.ToArray()).ShouldBe(Invitation);
    }

    [Fact]
    public void ToMime_WithCalendar_SurvivesSerialisationWithBodiesAndInvitationIntact()
    {
        // Arrange
        var sender = CreateSender();
        var message = Message with { Calendar = new EmailCalendar("REQUEST", Invitation) };
        using var stream = new MemoryStream();

        // Act
        using var mime = sender.ToMime(message);
        mime.WriteTo(stream, TestContext.Current.CancellationToken);
        stream.Position = 0;
        using var parsed = MimeMessage.Load(stream, TestContext.Current.CancellationToken);

        // Assert
        parsed.TextBody.ShouldBe(Message.TextBody);
        parsed.HtmlBody.ShouldBe(Message.HtmlBody);
        var calendar = parsed.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar");
        calendar.ContentType.Parameters["method"].ShouldBe("REQUEST");
        Decoded(calendar).ShouldBe(Invitation);
        var attachment = parsed.Attachments.OfType<MimePart>().ShouldHaveSingleItem();
        attachment.FileName.ShouldBe("invite.ics");
        Decoded(attachment).ShouldBe(Invitation);
    }

    [Fact]
    public void ToMime_CalendarMethodDiffersFromContent_Throws()
    {
        // Arrange
        var sender = CreateSender();
        var message = Message with { Calendar = new EmailCalendar("CANCEL", Invitation) };

        // Act
        var act = () => sender.ToMime(message);

        // Assert
        Should.Throw<InvalidOperationException>(act);
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

    [Fact]
    public void ToMime_WithListUnsubscribeUrl_CarriesTheOneClickHeaders()
    {
        // Arrange
        var sender = CreateSender();
        var bulk = Message with { ListUnsubscribeUrl = "https://portal.example/unsubscribe/abc" };

        // Act
        using var mime = sender.ToMime(bulk);
        using var plain = sender.ToMime(Message);

        // Assert
        mime.Headers[HeaderId.ListUnsubscribe].ShouldBe("<https://portal.example/unsubscribe/abc>");
        mime.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        plain.Headers.Contains(HeaderId.ListUnsubscribe).ShouldBeFalse();
    }
}

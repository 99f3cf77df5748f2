using CecPortal.Web.Infrastructure.Email;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace CecPortal.UnitTests.Infrastructure.Email;

public sealed class OutboundEmailTests
{
    private static readonly EmailMessage Message = new("marie@example.org", "Welcome", "<p>Hello</p>", "Hello");

    private readonly OutboxProtection _protection = new(new EphemeralDataProtectionProvider());

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public void From_Message_CopiesFieldsAndStartsUnsent()
    {
        // Arrange
        var now = _clock.GetUtcNow();

        // Act
        var outbound = OutboundEmail.From(Message, now, _protection);

        // Assert
        outbound.To.ShouldBe(Message.To);
        outbound.Subject.ShouldBe(Message.Subject);
        outbound.CreatedAt.ShouldBe(now);
        outbound.SentAt.ShouldBeNull();
        outbound.Attempts.ShouldBe(0);
        outbound.LastError.ShouldBeNull();
    }

    [Fact]
    public void From_MessageWithLinks_StoresBodiesCalendarAndUnsubscribeAddressEncrypted()
    {
        // Arrange
        const string secret = "https://portal.example/account/reset-password?code=s3cret-code";
        var message = new EmailMessage("marie@example.org", "Reset", $"<a href=\"{secret}\">Reset</a>", $"Reset: {secret}", new EmailCalendar("REQUEST", $"BEGIN:VCALENDAR\r\nURL:{secret}\r\nEND:VCALENDAR\r\n"), secret);

        // Act
        var outbound = OutboundEmail.From(message, _clock.GetUtcNow(), _protection);

        // Assert
        string?[] stored = [outbound.HtmlBody, outbound.TextBody, outbound.CalendarContent, outbound.ListUnsubscribeUrl];
        stored.ShouldAllBe(value => value!.StartsWith(OutboxProtection.Prefix) && !value.Contains("s3cret"));
        outbound.ToMessage(_protection).ShouldBe(message);
    }

    [Fact]
    public void Unprotect_ValueWithoutTheProtectionPrefix_IsRefused()
    {
        // Act
        var refusal = Should.Throw<System.Security.Cryptography.CryptographicException>(() => _protection.Unprotect(Message.HtmlBody));

        // Assert
        refusal.Message.ShouldContain("not protected");
    }

    [Theory]
    [InlineData(true, OutboundEmail.ForgottenRecipient)]
    [InlineData(false, "marie@example.org")]
    public void MarkSent_ForgetRecipientOrNot_ClearsTheAddressOnlyWhenAsked(bool forget, string expectedTo)
    {
        // Arrange
        var outbound = OutboundEmail.From(Message with { ForgetRecipientAfterSending = forget }, _clock.GetUtcNow(), _protection);

        // Act
        outbound.MarkSent(_clock.GetUtcNow());

        // Assert
        outbound.To.ShouldBe(expectedTo);
        outbound.HtmlBody.ShouldBeNull();
        outbound.TextBody.ShouldBeNull();
    }

    [Fact]
    public void From_TwoMessages_GetDistinctVersion7Ids()
    {
        // Arrange
        var now = _clock.GetUtcNow();

        // Act
        var first = OutboundEmail.From(Message, now, _protection);
        var second = OutboundEmail.From(Message, now, _protection);

        // Assert
        first.Id.ShouldNotBe(second.Id);
        first.Id.Version.ShouldBe(7);
    }

    [Fact]
    public void ToMessage_Unsent_RoundTripsTheOriginalMessage()
    {
        // Arrange
        var outbound = OutboundEmail.From(Message, _clock.GetUtcNow(), _protection);

        // Act
        var roundTripped = outbound.ToMessage(_protection);

        // Assert
        roundTripped.ShouldBe(Message);
    }

    [Fact]
    public void ToMessage_WithCalendar_RoundTripsTheInvitation()
    {
        // Arrange
        var message = Message with { Calendar = new EmailCalendar("REQUEST", "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n") };
        var outbound = OutboundEmail.From(message, _clock.GetUtcNow(), _protection);

        // Act
        var roundTripped = outbound.ToMessage(_protection);

        // Assert
        roundTripped.ShouldBe(message);
        outbound.CalendarMethod.ShouldBe("REQUEST");
    }

    [Fact]
    public void MarkSent_WithCalendar_ClearsTheInvitationText()
    {
        // Arrange
        var outbound = OutboundEmail.From(Message with { Calendar = new EmailCalendar("CANCEL", "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n") }, _clock.GetUtcNow(), _protection);

        // Act
        outbound.MarkSent(_clock.GetUtcNow());

        // Assert
        outbound.CalendarContent.ShouldBeNull();
        outbound.CalendarMethod.ShouldBe("CANCEL", "the method stays as a record of what was sent");
    }

    [Fact]
    public void MarkSent_AfterFailedAttempt_ClearsBodiesAndErrorAndRecordsSentAt()
    {
        // Arrange
        var outbound = OutboundEmail.From(Message, _clock.GetUtcNow(), _protection);
        outbound.RecordAttempt();
        outbound.MarkFailed("SMTP 451 try again later");
        _clock.Advance(TimeSpan.FromMinutes(5));
        var sentAt = _clock.GetUtcNow();

        // Act
        outbound.MarkSent(sentAt);

        // Assert
        outbound.SentAt.ShouldBe(sentAt);
        outbound.HtmlBody.ShouldBeNull();
        outbound.TextBody.ShouldBeNull();
        outbound.LastError.ShouldBeNull();
        outbound.To.ShouldBe(Message.To);
        outbound.Subject.ShouldBe(Message.Subject);
        outbound.Attempts.ShouldBe(1);
    }

    [Fact]
    public void ToMessage_AfterMarkSent_Throws()
    {
        // Arrange
        var outbound = OutboundEmail.From(Message, _clock.GetUtcNow(), _protection);
        outbound.MarkSent(_clock.GetUtcNow());

        // Act
        var act = () => outbound.ToMessage(_protection);

        // Assert
        Should.Throw<InvalidOperationException>(act);
    }

    [Fact]
    public void MarkFailed_ErrorLongerThan500Chars_TruncatesTo500()
    {
        // Arrange
        var outbound = OutboundEmail.From(Message, _clock.GetUtcNow(), _protection);
        var error = new string('x', 499) + "yz" + new string('!', 100);

        // Act
        outbound.MarkFailed(error);

        // Assert
        outbound.LastError.ShouldNotBeNull();
        outbound.LastError.Length.ShouldBe(500);
        outbound.LastError.ShouldBe(error[..500]);
        outbound.LastError.ShouldEndWith("y");
    }

    [Fact]
    public void MarkFailed_ShortError_KeepsItUnchanged()
    {
        // Arrange
        var outbound = OutboundEmail.From(Message, _clock.GetUtcNow(), _protection);
        var error = new string('e', 500);

        // Act
        outbound.MarkFailed(error);

        // Assert
        outbound.LastError.ShouldBe(error);
    }

    [Fact]
    public void MarkFailed_CalledAgain_ReplacesPreviousError()
    {
        // Arrange
        var outbound = OutboundEmail.From(Message, _clock.GetUtcNow(), _protection);
        outbound.MarkFailed("first");

        // Act
        outbound.MarkFailed("second");

        // Assert
        outbound.LastError.ShouldBe("second");
        outbound.SentAt.ShouldBeNull();
        outbound.ToMessage(_protection).ShouldBe(Message);
    }

    [Fact]
    public void RecordAttempt_CalledThreeTimes_CountsThree()
    {
        // Arrange
        var outbound = OutboundEmail.From(Message, _clock.GetUtcNow(), _protection);

        // Act
        outbound.RecordAttempt();
        outbound.RecordAttempt();
        outbound.RecordAttempt();

        // Assert
        outbound.Attempts.ShouldBe(3);
    }
}

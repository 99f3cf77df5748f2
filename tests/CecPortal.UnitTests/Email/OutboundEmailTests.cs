using CecPortal.Web.Infrastructure.Email;
using Microsoft.Extensions.Time.Testing;

namespace CecPortal.UnitTests.Email;

public sealed class OutboundEmailTests
{
    private static readonly EmailMessage Message = new("marie@example.org", "Welcome", "<p>Hello</p>", "Hello");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public void From_Message_CopiesFieldsAndStartsUnsent()
    {
        // Arrange
        var now = _clock.GetUtcNow();

        // Act
        var outbound = OutboundEmail.From(Message, now);

        // Assert
        outbound.To.ShouldBe(Message.To);
        outbound.Subject.ShouldBe(Message.Subject);
        outbound.HtmlBody.ShouldBe(Message.HtmlBody);
        outbound.TextBody.ShouldBe(Message.TextBody);
        outbound.CreatedAt.ShouldBe(now);
        outbound.SentAt.ShouldBeNull();
        outbound.Attempts.ShouldBe(0);
        outbound.LastError.ShouldBeNull();
    }

    [Theory]
    [InlineData(true, OutboundEmail.ForgottenRecipient)]
    [InlineData(false, "marie@example.org")]
    public void MarkSent_ForgetRecipientOrNot_ClearsTheAddressOnlyWhenAsked(bool forget, string expectedTo)
    {
        // Arrange
        var outbound = OutboundEmail.From(Message with { ForgetRecipientAfterSending = forget }, _clock.GetUtcNow());

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
        var first = OutboundEmail.From(Message, now);
        var second = OutboundEmail.From(Message, now);

        // Assert
        first.Id.ShouldNotBe(second.Id);
        first.Id.Version.ShouldBe(7);
    }

    [Fact]
    public void ToMessage_Unsent_RoundTripsTheOriginalMessage()
    {
        // Arrange
        var outbound = OutboundEmail.From(Message, _clock.GetUtcNow());

        // Act
        var roundTripped = outbound.ToMessage();

        // Assert
        roundTripped.ShouldBe(Message);
    }

    [Fact]
    public void ToMessage_WithCalendar_RoundTripsTheInvitation()
    {
        // Arrange
        var message = Message with { Calendar = new EmailCalendar("REQUEST", "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n") };
        var outbound = OutboundEmail.From(message, _clock.GetUtcNow());

        // Act
        var roundTripped = outbound.ToMessage();

        // Assert
        roundTripped.ShouldBe(message);
        outbound.CalendarMethod.ShouldBe("REQUEST");
    }

    [Fact]
    public void MarkSent_WithCalendar_ClearsTheInvitationText()
    {
        // Arrange
        var outbound = OutboundEmail.From(Message with { Calendar = new EmailCalendar("CANCEL", "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n") }, _clock.GetUtcNow());

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
        var outbound = OutboundEmail.From(Message, _clock.GetUtcNow());
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
        var outbound = OutboundEmail.From(Message, _clock.GetUtcNow());
        outbound.MarkSent(_clock.GetUtcNow());

        // Act
        var act = () => outbound.ToMessage();

        // Assert
        Should.Throw<InvalidOperationException>(act);
    }

    [Fact]
    public void MarkFailed_ErrorLongerThan500Chars_TruncatesTo500()
    {
        // Arrange
        var outbound = OutboundEmail.From(Message, _clock.GetUtcNow());
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
        var outbound = OutboundEmail.From(Message, _clock.GetUtcNow());
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
        var outbound = OutboundEmail.From(Message, _clock.GetUtcNow());
        outbound.MarkFailed("first");

        // Act
        outbound.MarkFailed("second");

        // Assert
        outbound.LastError.ShouldBe("second");
        outbound.SentAt.ShouldBeNull();
        outbound.ToMessage().ShouldBe(Message);
    }

    [Fact]
    public void RecordAttempt_CalledThreeTimes_CountsThree()
    {
        // Arrange
        var outbound = OutboundEmail.From(Message, _clock.GetUtcNow());

        // Act
        outbound.RecordAttempt();
        outbound.RecordAttempt();
        outbound.RecordAttempt();

        // Assert
        outbound.Attempts.ShouldBe(3);
    }
}

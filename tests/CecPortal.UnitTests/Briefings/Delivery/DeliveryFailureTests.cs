using System.Net.Sockets;
using CecPortal.Web.Features.Briefings.Delivery;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace CecPortal.UnitTests.Briefings.Delivery;

public sealed class DeliveryFailureTests
{
    private static readonly MailboxAddress Recipient = MailboxAddress.Parse("marie.dubois@example.org");

    [Theory]
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable)] // 550
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.UserNotLocalTryAlternatePath)] // 551
    [InlineData(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed)] // 554
    [InlineData(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ExceededStorageAllocation)] // 552
    public void Classify_Smtp5xxReply_IsPermanentAndKeepsTheConnection(SmtpErrorCode error, SmtpStatusCode status)
    {
        // Arrange
        var exception = new SmtpCommandException(error, status, Recipient, "refused");

        // Act
        var failure = DeliveryFailure.Classify(exception);

        // Assert
        failure.Kind.ShouldBe(DeliveryFailureKind.Permanent);
        failure.IsPermanent.ShouldBeTrue();
        failure.ConnectionLost.ShouldBeFalse();
        failure.Error.ShouldStartWith($"SMTP {(int)status}");
        failure.Error.ShouldContain("refused");
    }

    [Theory]
    [InlineData(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy)] // 450
    [InlineData(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ErrorInProcessing)] // 451
    [InlineData(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.InsufficientStorage)] // 452
    public void Classify_Smtp4xxReply_IsTransientAndKeepsTheConnection(SmtpErrorCode error, SmtpStatusCode status)
    {
        // Arrange
        var exception = new SmtpCommandException(error, status, Recipient, "try later");

        // Act
        var failure = DeliveryFailure.Classify(exception);

        // Assert
        failure.Kind.ShouldBe(DeliveryFailureKind.Transient);
        failure.ConnectionLost.ShouldBeFalse();
        failure.Error.ShouldStartWith($"SMTP {(int)status}");
    }

    [Fact]
    public void Classify_Smtp421ServiceClosing_IsTransientAndReconnects()
    {
        // Arrange
        var exception = new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ServiceNotAvailable, "closing");

        // Act
        var failure = DeliveryFailure.Classify(exception);

        // Assert
        failure.Kind.ShouldBe(DeliveryFailureKind.Transient);
        failure.ConnectionLost.ShouldBeTrue();
    }

    public static TheoryData<Exception> DroppedConnections() => new()
    {
        new IOException("Unable to read data from the transport connection."),
        new SocketException((int)SocketError.ConnectionReset),
        new ServiceNotConnectedException("The SmtpClient is not connected."),
        new SmtpProtocolException("The SMTP server has unexpectedly disconnected."),
        new TimeoutException("The operation has timed out."),
        new OperationCanceledException("Timed out."),
    };

    [Theory]
    [MemberData(nameof(DroppedConnections))]
    public void Classify_DroppedConnectionOrTimeout_IsTransientAndReconnects(Exception exception)
    {
        // Act
        var failure = DeliveryFailure.Classify(exception);

        // Assert
        failure.Kind.ShouldBe(DeliveryFailureKind.Transient);
        failure.ConnectionLost.ShouldBeTrue();
        failure.Error.ShouldStartWith(exception.GetType().Name);
    }
}

using MailKit;
using MailKit.Net.Smtp;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>Why one message was not accepted, and whether the SMTP connection must be opened again.</summary>
public sealed record DeliveryFailure(DeliveryFailureKind Kind, string Error, bool ConnectionLost)
{
    public bool IsPermanent => Kind == DeliveryFailureKind.Permanent;

    /// <summary>The SMTP server's reply code, when the failure is its reply (a 5xx counts like a bounce).</summary>
    public int? ReplyCode { get; init; }

    /// <summary>
    /// Sorts a send exception: an SMTP reply by its code (5xx permanent, 4xx transient); anything else (a dropped
    /// connection, <see cref="IOException"/>, <see cref="SmtpProtocolException"/>, <see cref="ServiceNotConnectedException"/>,
    /// a time-out, a TLS or authentication failure) is transient and the connection is opened again.
    /// </summary>
    public static DeliveryFailure Classify(Exception exception) =>
        exception is SmtpCommandException smtp ? FromReply(smtp) : Lost(exception);

    public static DeliveryFailure Permanent(string error) => new(DeliveryFailureKind.Permanent, error, ConnectionLost: false);

    private static DeliveryFailure FromReply(SmtpCommandException smtp)
    {
        var code = (int)smtp.StatusCode;
        var error = $"SMTP {code} {smtp.ErrorCode}: {smtp.Message}".Trim();

        // 421: the server is closing the connection; every other reply leaves it usable (MailKit sends RSET).
        return code is >= 500 and < 600
            ? new DeliveryFailure(DeliveryFailureKind.Permanent, error, ConnectionLost: false) { ReplyCode = code }
            : new DeliveryFailure(DeliveryFailureKind.Transient, error, ConnectionLost: code == 421) { ReplyCode = code };
    }

    private static DeliveryFailure Lost(Exception exception) =>
        new(DeliveryFailureKind.Transient, $"{exception.GetType().Name}: {exception.Message}", ConnectionLost: true);
}

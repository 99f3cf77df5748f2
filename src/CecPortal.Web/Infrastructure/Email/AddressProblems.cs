namespace CecPortal.Web.Infrastructure.Email;

/// <summary>
/// What the outbox asks the deliverability feature (which implements it: infrastructure does not depend on features):
/// whether an address is marked undeliverable, and to count a server's permanent refusal like a bounce.
/// </summary>
public interface IAddressProblems
{
    /// <summary>True when mail to <paramref name="address"/> bounced for good and its owner has not confirmed or changed it since.</summary>
    Task<bool> IsUndeliverableAsync(string address, CancellationToken cancellationToken);

    /// <summary>Records a 5xx reply of the SMTP server to an outbox email as a hard bounce of its recipient.</summary>
    Task RecordRefusalAsync(Guid outboundEmailId, string address, int statusCode, string reply, CancellationToken cancellationToken);
}

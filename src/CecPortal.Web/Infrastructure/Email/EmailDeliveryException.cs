namespace CecPortal.Web.Infrastructure.Email;

/// <summary>A failed delivery, worded without the server's reply (which may quote the address).</summary>
public sealed class EmailDeliveryException(string message) : Exception(message);

namespace CecPortal.Web.Infrastructure.Email;

public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it, plain text otherwise: Development only, by default.</summary>
    Auto,
    None,

    /// <summary>STARTTLS or no delivery: the default outside Development.</summary>
    StartTls,
    SslOnConnect,
}

namespace CecPortal.Web.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>SMTP host; when empty in Development, messages are kept as .eml files in <see cref="PickupDirectory"/>.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>When not configured: <see cref="SmtpSecurity.StartTls"/> outside Development, <see cref="SmtpSecurity.Auto"/> in it.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "portal@cec.example";

    [Required]
    public string FromName { get; set; } = "CISOs European Community";

    /// <summary>Directory for captured .eml files (set by start-up when no SMTP host is configured).</summary>
    public string? PickupDirectory { get; set; }
}

namespace CecPortal.Web.Infrastructure.Web;

/// <summary>A certificate that encrypted key-ring keys before a rotation (<c>DataProtection:PreviousCertificates:0:Path</c>, <c>:Password</c>).</summary>
public sealed class KeyRingCertificateSetting
{
    public string? Path { get; set; }

    public string? Password { get; set; }
}

using System.Text;
using MimeKit;
using MimeKit.Cryptography;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>Optional DKIM signing of the briefing emails (section <c>Email:Dkim</c>); off unless all parts are set.</summary>
public sealed class DkimOptions : IValidatableObject
{
    public const string Section = "Email:Dkim";

    /// <summary>The signing domain (<c>d=</c>), normally the domain of the From address.</summary>
    public string? Domain { get; set; }

    /// <summary>The selector (<c>s=</c>): the public key is published at <c>{selector}._domainkey.{domain}</c>.</summary>
    public string? Selector { get; set; }

    /// <summary>The RSA private key in PEM, e.g. from a secret store; or use <see cref="PrivateKeyPath"/>.</summary>
    public string? PrivateKeyPem { get; set; }

    public string? PrivateKeyPath { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Domain) || !string.IsNullOrWhiteSpace(Selector)
        || !string.IsNullOrWhiteSpace(PrivateKeyPem) || !string.IsNullOrWhiteSpace(PrivateKeyPath);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsEnabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Domain) || string.IsNullOrWhiteSpace(Selector))
        {
            yield return new ValidationResult("DKIM needs both Email:Dkim:Domain and Email:Dkim:Selector.");
        }

        if (string.IsNullOrWhiteSpace(PrivateKeyPem) == string.IsNullOrWhiteSpace(PrivateKeyPath))
        {
            yield return new ValidationResult("DKIM needs exactly one of Email:Dkim:PrivateKeyPem and Email:Dkim:PrivateKeyPath.");
        }
        else if (!string.IsNullOrWhiteSpace(PrivateKeyPath) && !File.Exists(PrivateKeyPath))
        {
            yield return new ValidationResult("Email:Dkim:PrivateKeyPath names a file that does not exist.");
        }
    }
}

/// <summary>Signs messages with MimeKit's <see cref="DkimSigner"/> (relaxed/relaxed, rsa-sha256) when DKIM is configured.</summary>
public sealed class DkimSigning
{
    /// <summary>The headers the signature covers; a header a message lacks is simply not signed.</summary>
    public static readonly string[] SignedHeaders =
    [
        "From", "Subject", "Date", "Message-ID", "To", "List-Unsubscribe", "List-Unsubscribe-Post",
    ];

    private readonly DkimSigner? _signer;

    public DkimSigning(IOptions<DkimOptions> options)
    {
        var dkim = options.Value;
        if (!dkim.IsEnabled)
        {
            return;
        }

        using var key = string.IsNullOrWhiteSpace(dkim.PrivateKeyPem)
            ? (Stream)File.OpenRead(dkim.PrivateKeyPath!)
            : new MemoryStream(Encoding.ASCII.GetBytes(dkim.PrivateKeyPem));
        _signer = new DkimSigner(key, dkim.Domain!, dkim.Selector!, DkimSignatureAlgorithm.RsaSha256)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        };
    }

    public bool IsEnabled => _signer is not null;

    /// <summary>Adds a DKIM-Signature header; the message's bodies must already have their final transfer encoding.</summary>
    public void Sign(MimeMessage message)
    {
        if (_signer is null)
        {
            return;
        }

        message.Prepare(EncodingConstraint.SevenBit);
        _signer.Sign(message, SignedHeaders);
    }
}

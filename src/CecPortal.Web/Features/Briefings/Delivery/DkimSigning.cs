using System.Text;
using MimeKit;
using MimeKit.Cryptography;

namespace CecPortal.Web.Features.Briefings.Delivery;

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

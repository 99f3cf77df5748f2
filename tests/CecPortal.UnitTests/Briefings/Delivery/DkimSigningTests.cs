using System.Security.Cryptography;
using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.SharedKernel;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace CecPortal.UnitTests.Briefings.Delivery;

public sealed class DkimSigningTests
{
    private static readonly BriefingRecipient Marie = new("0b6f3c1e-8f7a-4f6e-9d52-7c1a2b3c4d5e", "marie.dubois@example.org", "Marie Dubois");

    [Fact]
    public async Task Sign_ConfiguredKey_VerifiesWithThePublishedPublicKey()
    {
        // Arrange
        using var rsa = RSA.Create(2048);
        var locator = new TxtRecordLocator("brief2026._domainkey.cec.test", "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()));
        var dkim = new DkimSigning(Options.Create(new DkimOptions { Domain = "cec.test", Selector = "brief2026", PrivateKeyPem = rsa.ExportRSAPrivateKeyPem() }));
        var template = BriefingEmailTests.CreateComposer(new UnsubscribeTokens(new EphemeralDataProtectionProvider()), dkim).Render(BriefingEmailTests.CreateBriefing());

        // Act
        using var signed = template.ToMime(Marie, MailboxAddress.Parse(Marie.Email));
        using var received = await RoundTripAsync(signed);

        // Assert
        dkim.IsEnabled.ShouldBeTrue();
        var signature = received.Headers[received.Headers.IndexOf(HeaderId.DkimSignature)];
        signature.Value.ShouldContain("c=relaxed/relaxed");
        signature.Value.ShouldContain("a=rsa-sha256");
        signature.Value.ShouldContain("d=cec.test");
        signature.Value.ShouldContain("s=brief2026");
        var signedHeaders = signature.Value.Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("h=", StringComparison.Ordinal))[2..]
            .Split(':').Select(h => h.Trim().ToLowerInvariant());
        signedHeaders.ShouldBe(["from", "subject", "date", "message-id", "to", "list-unsubscribe", "list-unsubscribe-post"], ignoreOrder: true);
        (await new DkimVerifier(locator).VerifyAsync(received, signature, TestContext.Current.CancellationToken)).ShouldBeTrue();
    }

    [Fact]
    public async Task Verify_SubjectChangedAfterSigning_Fails()
    {
        // Arrange
        using var rsa = RSA.Create(2048);
        var locator = new TxtRecordLocator("brief2026._domainkey.cec.test", "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()));
        var dkim = new DkimSigning(Options.Create(new DkimOptions { Domain = "cec.test", Selector = "brief2026", PrivateKeyPem = rsa.ExportRSAPrivateKeyPem() }));
        var template = BriefingEmailTests.CreateComposer(new UnsubscribeTokens(new EphemeralDataProtectionProvider()), dkim).Render(BriefingEmailTests.CreateBriefing());
        using var signed = template.ToMime(Marie, MailboxAddress.Parse(Marie.Email));
        using var received = await RoundTripAsync(signed);

        // Act
        received.Subject = "[TLP:CLEAR] something else";

        // Assert
        (await new DkimVerifier(locator).VerifyAsync(received, received.Headers[received.Headers.IndexOf(HeaderId.DkimSignature)], TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    [Fact]
    public void Sign_NotConfigured_LeavesTheMessageUnsigned()
    {
        // Arrange
        var dkim = new DkimSigning(Options.Create(new DkimOptions()));
        var template = BriefingEmailTests.CreateComposer(new UnsubscribeTokens(new EphemeralDataProtectionProvider()), dkim).Render(BriefingEmailTests.CreateBriefing());

        // Act
        using var message = template.ToMime(Marie, MailboxAddress.Parse(Marie.Email));

        // Assert
        dkim.IsEnabled.ShouldBeFalse();
        message.Headers.Contains(HeaderId.DkimSignature).ShouldBeFalse();
    }

    [Fact]
    public void Validate_PartialConfiguration_IsRefused()
    {
        // Arrange
        var options = new DkimOptions { Domain = "cec.test" };

        // Act
        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        // Assert
        errors.Count.ShouldBe(2);
    }

    private static async Task<MimeMessage> RoundTripAsync(MimeMessage message)
    {
        using var stream = new MemoryStream();
        await message.WriteToAsync(stream, TestContext.Current.CancellationToken);
        stream.Position = 0;
        return await MimeMessage.LoadAsync(stream, TestContext.Current.CancellationToken);
    }

    /// <summary>Stands in for DNS: the TXT record published at {selector}._domainkey.{domain}.</summary>
    private sealed class TxtRecordLocator(string name, string txt) : DkimPublicKeyLocatorBase
    {
        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            $"{selector}._domainkey.{domain}" == name ? GetPublicKey(txt) : throw new InvalidOperationException($"No DKIM record for {selector}._domainkey.{domain}.");

        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
    }
}

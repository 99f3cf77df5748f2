using CecPortal.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace CecPortal.UnitTests.Infrastructure.Email;

public sealed class ReturnPathTests
{
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static ReturnPath Create(string? bounceAddress = "bounces@cec.test", string? key = null) =>
        new(Options.Create(new EmailOptions { BounceAddress = bounceAddress, BounceSigningKey = key ?? Key }));

    [Fact]
    public void Sender_DeliveryRow_IsLocalPlusSignedTokenThatReadsBackToTheRow()
    {
        // Arrange
        var returnPath = Create();

        // Act
        var sender = returnPath.Sender(returnPath.ForDelivery(4242))!;

        // Assert
        sender.Address.ShouldStartWith("bounces+d4242-");
        sender.Address.ShouldEndWith("@cec.test");
        sender.LocalPart.Length.ShouldBeLessThanOrEqualTo(64, "RFC 5321 limit on a local part");
        returnPath.ReadAddress(sender.Address).ShouldBe(new ReturnToken(4242, null));
        returnPath.ReadAddress(sender.Address.ToUpperInvariant()).ShouldBe(new ReturnToken(4242, null), "some servers upper- or lower-case the local part");
    }

    [Fact]
    public void Read_OutboxEmailToken_NamesTheEmail()
    {
        // Arrange
        var returnPath = Create();
        var id = Guid.CreateVersion7();

        // Act
        var token = returnPath.ForOutboundEmail(id);

        // Assert
        returnPath.Read(token).ShouldBe(new ReturnToken(null, id));
        returnPath.Sender(token)!.LocalPart.Length.ShouldBeLessThanOrEqualTo(64);
    }

    [Theory]
    [InlineData("d4243")]
    [InlineData("o")]
    [InlineData("")]
    public void Read_TamperedToken_IsRefused(string payload)
    {
        // Arrange
        var returnPath = Create();
        var genuine = returnPath.ForDelivery(4242)!;
        var mac = genuine[(genuine.LastIndexOf('-') + 1)..];

        // Act
        var forged = returnPath.Read($"{payload}-{mac}");

        // Assert
        forged.ShouldBeNull();
    }

    [Fact]
    public void Read_TokenSignedWithAnotherKey_IsRefused()
    {
        // Arrange
        var other = Create(key: Convert.ToBase64String(Enumerable.Range(2, 32).Select(i => (byte)i).ToArray()));

        // Act
        var read = Create().Read(other.ForDelivery(4242));

        // Assert
        read.ShouldBeNull();
    }

    [Fact]
    public void ReadAddress_AnotherDomainOrLocalPart_IsNotOurs()
    {
        // Arrange
        var returnPath = Create();
        var token = returnPath.ForDelivery(7)!;

        // Act & Assert
        returnPath.ReadAddress($"bounces+{token}@elsewhere.test").ShouldBeNull();
        returnPath.ReadAddress($"other+{token}@cec.test").ShouldBeNull();
        returnPath.ReadAddress($"<bounces+{token}@cec.test>").ShouldBe(new ReturnToken(7, null));
    }

    [Fact]
    public void Sender_WithoutBounceAddress_IsNullSoTheFromAddressStays()
    {
        // Arrange
        var returnPath = Create(bounceAddress: null);

        // Act & Assert
        returnPath.IsEnabled.ShouldBeFalse();
        returnPath.Sender(returnPath.ForDelivery(1)).ShouldBeNull();
    }

    [Fact]
    public void Validate_BounceAddressWithoutKey_NamesTheSetting()
    {
        // Arrange
        var options = new EmailOptions { BounceAddress = "bounces@cec.test" };

        // Act
        var results = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        // Assert
        results.ShouldHaveSingleItem().ErrorMessage!.ShouldContain("Email:BounceSigningKey");
    }
}

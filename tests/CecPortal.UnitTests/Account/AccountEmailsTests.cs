using CecPortal.Web.Features.Account;

namespace CecPortal.UnitTests.Account;

public sealed class AccountEmailsTests
{
    [Theory]
    [InlineData("CfDJ8Abc+/==")]
    [InlineData("a")]
    [InlineData("token with spaces & ümlauts – 🔑")]
    public void Decode_EncodedToken_ReturnsOriginalToken(string token)
    {
        // Arrange
        var code = AccountEmails.Encode(token);

        // Act
        var decoded = AccountEmails.Decode(code);

        // Assert
        decoded.ShouldBe(token);
    }

    [Fact]
    public void Encode_TokenWithBase64SpecialCharacters_IsUrlSafe()
    {
        // Arrange
        const string token = "???>>>~~~";

        // Act
        var code = AccountEmails.Encode(token);

        // Assert
        code.ShouldNotContain('+');
        code.ShouldNotContain('/');
        code.ShouldNotContain('=');
        Uri.EscapeDataString(code).ShouldBe(code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("not base64!")]
    [InlineData("%%%%")]
    public void Decode_NullEmptyOrMalformed_ReturnsNull(string? code)
    {
        // Arrange
        // (the codes come straight from a query string)

        // Act
        var decoded = AccountEmails.Decode(code);

        // Assert
        decoded.ShouldBeNull();
    }
}

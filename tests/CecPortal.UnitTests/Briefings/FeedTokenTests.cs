using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CecPortal.Web.Features.Briefings;

namespace CecPortal.UnitTests.Briefings;

public sealed class FeedTokenTests
{
    [Fact]
    public void Generate_Always_Gives32RandomBytesAsBase64Url()
    {
        // Act
        var tokens = Enumerable.Range(0, 50).Select(_ => FeedToken.Generate()).ToList();

        // Assert
        tokens.ShouldAllBe(t => t.Length == FeedToken.TextLength && FeedToken.IsWellFormed(t));
        tokens.ShouldAllBe(t => Base64Url.DecodeFromChars(t).Length == 32);
        tokens.Distinct(StringComparer.Ordinal).Count().ShouldBe(50);
    }

    [Fact]
    public void Hash_Token_IsLowercaseHexSha256OfItsText()
    {
        // Arrange
        const string token = "9YLY2RxuD9PmYt2ZgCNQtlZnkwWyYoETV8_KZbdbh1I";

        // Act
        var hash = FeedToken.Hash(token);

        // Assert
        hash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))));
        hash.Length.ShouldBe(64);
        hash.ShouldMatch("^[0-9a-f]{64}$");
        hash.ShouldNotContain(token);
    }

    [Fact]
    public void Hash_DifferentTokens_DifferentHashes()
    {
        // Act
        var first = FeedToken.Hash(FeedToken.Generate());
        var second = FeedToken.Hash(FeedToken.Generate());

        // Assert
        first.ShouldNotBe(second);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("9YLY2RxuD9PmYt2ZgCNQtlZnkwWyYoETV8_KZbdbh1I=")]
    [InlineData("9YLY2RxuD9PmYt2ZgCNQtlZnkwWyYoETV8+KZbdbh1I")]
    [InlineData("9YLY2RxuD9PmYt2ZgCNQtlZnkwWyYoETV8 KZbdbh1I")]
    [InlineData("9YLY2RxuD9PmYt2ZgCNQtlZnkwWyYoETV8_KZbdbh1É")]
    public void IsWellFormed_NotABase64UrlTokenOf43Characters_IsFalse(string? text)
    {
        // Act
        var wellFormed = FeedToken.IsWellFormed(text);

        // Assert
        wellFormed.ShouldBeFalse();
    }
}

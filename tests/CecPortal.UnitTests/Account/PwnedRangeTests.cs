using System.ComponentModel.DataAnnotations;
using CecPortal.Web.Features.Account.BreachedPasswords;

namespace CecPortal.UnitTests.Account;

public sealed class PwnedRangeTests
{
    [Fact]
    public void Split_KnownPassword_SendsFiveHexDigitsAndKeepsTheRest()
    {
        // Act: SHA-1("password") = 5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8
        var (prefix, suffix) = PwnedRange.Split("password");

        // Assert
        prefix.ShouldBe("5BAA6");
        suffix.ShouldBe("1E4C9B93F3F0682250B6CF8331B7EE68FD8");
    }

    [Fact]
    public void Count_SuffixListed_ReturnsItsCount()
    {
        // Arrange
        const string response = "0018A45C4D1DEF81644B54AB7F969B88D65:3\r\n1E4C9B93F3F0682250B6CF8331B7EE68FD8:10434004\r\n00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2";

        // Act and Assert
        PwnedRange.Count(response, "1E4C9B93F3F0682250B6CF8331B7EE68FD8").ShouldBe(10434004);
    }

    [Theory]
    [InlineData("1e4c9b93f3f0682250b6cf8331b7ee68fd8:7", 7)]
    [InlineData("  1E4C9B93F3F0682250B6CF8331B7EE68FD8 : 7  \n", 7)]
    [InlineData("1E4C9B93F3F0682250B6CF8331B7EE68FD8:7\n", 7)]
    public void Count_CaseSpacesAndLineEnds_DoNotMatter(string response, long expected) =>
        PwnedRange.Count(response, "1E4C9B93F3F0682250B6CF8331B7EE68FD8").ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("0018A45C4D1DEF81644B54AB7F969B88D65:3")]
    [InlineData("1E4C9B93F3F0682250B6CF8331B7EE68FD8:0")]
    [InlineData("1E4C9B93F3F0682250B6CF8331B7EE68FD8")]
    [InlineData(":5\n1E4C9B93F3F0682250B6CF8331B7EE68FD8:many")]
    [InlineData("1E4C9B93F3F0682250B6CF8331B7EE68FD8A:4")]
    public void Count_NotListedPaddingOrMalformed_ReturnsZero(string response) =>
        PwnedRange.Count(response, "1E4C9B93F3F0682250B6CF8331B7EE68FD8").ShouldBe(0);

    [Fact]
    public void Options_Default_CheckIsOffWithATwoSecondTimeout()
    {
        // Arrange
        var options = new BreachedPasswordOptions();

        // Act and Assert
        options.IsEnabled.ShouldBeFalse();
        options.Timeout.ShouldBe(TimeSpan.FromSeconds(2));
        options.Validate(new ValidationContext(options)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("api.example/range")]
    [InlineData("ftp://api.example/")]
    public void Options_RelativeOrNonHttpAddress_IsRefused(string address)
    {
        // Arrange
        var options = new BreachedPasswordOptions { RangeApiUrl = address };

        // Act
        var errors = options.Validate(new ValidationContext(options)).ToList();

        // Assert
        errors.Single().ErrorMessage!.ShouldContain("Security:BreachedPasswords:RangeApiUrl");
    }
}

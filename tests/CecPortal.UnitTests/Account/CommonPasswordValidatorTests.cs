using System.Diagnostics;
using CecPortal.Web.Features.Account;

namespace CecPortal.UnitTests.Account;

public sealed class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234!")]
    [InlineData("P@ssw0rd2024!")]
    [InlineData("iloveyou1234")]
    [InlineData("!!Sunshine2026!!")]
    [InlineData("qwertyuiop123")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("123456789012")]
    [InlineData("trustno1trustno1")]
    public void IsCommon_ListedPasswordOrTrivialVariant_ReturnsTrue(string password)
    {
        // Arrange
        // Act
        var common = CommonPasswordValidator.IsCommon(password);

        // Assert
        common.ShouldBeTrue();
    }

    [Theory]
    [InlineData("Test-Passw0rd!2026")]
    [InlineData("First-Admin-Passw0rd!")]
    [InlineData("Camille-Passw0rd!")]
    [InlineData("Fjord-Passw0rd!2026")]
    [InlineData("Brand-new-Passw0rd!")]
    [InlineData("Valid-Passw0rd!xyz")]
    [InlineData("lantern orbit velvet quarry")]
    [InlineData("the quiet river bends slowly past the old mill where herons wait")]
    public void IsCommon_UnlistedPassphrase_ReturnsFalse(string password)
    {
        // Arrange
        // Act
        var common = CommonPasswordValidator.IsCommon(password);

        // Assert
        common.ShouldBeFalse();
    }

    [Fact]
    public void IsCommon_LongestAllowedPasswordOfLookAlikes_AnswersQuickly()
    {
        // Arrange
        var password = string.Concat(Enumerable.Repeat("4@3$105!|+", 13))[..PasswordPolicy.MaximumLength];
        CommonPasswordValidator.IsCommon("warm-up the list");
        var watch = Stopwatch.StartNew();

        // Act
        CommonPasswordValidator.IsCommon(password);

        // Assert
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }
}

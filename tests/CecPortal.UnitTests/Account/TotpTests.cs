using System.Text;
using CecPortal.Web.Features.Account.TwoFactor;

namespace CecPortal.UnitTests.Account;

/// <summary>The portal's TOTP against RFC 6238 appendix B (SHA-1 key, last 6 of the 8 digits).</summary>
public sealed class TotpTests
{
    private static readonly byte[] RfcKey = Encoding.ASCII.GetBytes("12345678901234567890");

    // Base32 of the ASCII key "12345678901234567890".
    private const string RfcKeyBase32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    [InlineData(20000000000L, "353130")]
    public void Code_RfcTestVector_Matches(long unixSeconds, string expected)
    {
        var instant = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

        var code = Totp.Code(RfcKey, Totp.TimeStep(instant));

        code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);
    }

    [Fact]
    public void DecodeBase32_RfcKey_GivesAsciiKey()
    {
        Totp.DecodeBase32(RfcKeyBase32).ShouldBe(RfcKey);
        Totp.DecodeBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq").ShouldBe(RfcKey);
    }

    [Fact]
    public void MatchingTimeStep_OneStepEitherSide_AcceptedTwoStepsRefused()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var step = Totp.TimeStep(now);
        string CodeAt(long s) => Totp.Code(RfcKey, s).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        Totp.MatchingTimeStep(RfcKey, CodeAt(step), now).ShouldBe(step);
        Totp.MatchingTimeStep(RfcKey, CodeAt(step - 1), now).ShouldBe(step - 1);
        Totp.MatchingTimeStep(RfcKey, CodeAt(step + 1), now).ShouldBe(step + 1);
        Totp.MatchingTimeStep(RfcKey, CodeAt(step - 2), now).ShouldBeNull();
        Totp.MatchingTimeStep(RfcKey, CodeAt(step + 2), now).ShouldBeNull();
    }

    [Theory]
    [InlineData("123 456", "123456")]
    [InlineData("123-456", "123456")]
    [InlineData("12345", null)]
    [InlineData("1234567", null)]
    [InlineData("12a456", null)]
    [InlineData("", null)]
    public void Normalize_TypedCode_SixDigitsOrNull(string typed, string? expected) => Totp.Normalize(typed).ShouldBe(expected);
}

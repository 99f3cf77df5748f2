using CecPortal.Web.Features.Webinars.Times;

namespace CecPortal.UnitTests.Webinars;

public sealed class MemberTimeZonesTests
{
    [Theory]
    [InlineData("PT", "Europe/Lisbon")]
    [InlineData("FI", "Europe/Helsinki")]
    [InlineData("ES", "Europe/Madrid")]
    [InlineData("DE", "Europe/Berlin")]
    [InlineData("be", "Europe/Brussels")]
    [InlineData("GB", "Europe/London")]
    public void ForCountry_EuropeanCountry_GivesItsMainZone(string country, string expected)
    {
        // Act
        var zone = MemberTimeZones.ForCountry(country);

        // Assert
        zone.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ZZ")]
    public void ForCountry_UnknownCountry_GivesNull(string? country)
    {
        // Act
        var zone = MemberTimeZones.ForCountry(country);

        // Assert
        zone.ShouldBeNull();
    }

    [Theory]
    [InlineData("Europe/Helsinki", "PT", "Europe/Helsinki")]
    [InlineData(null, "PT", "Europe/Lisbon")]
    [InlineData("  ", "FI", "Europe/Helsinki")]
    [InlineData("Mars/Olympus_Mons", "FI", "Europe/Helsinki")]
    [InlineData(null, null, MemberTimeZones.Fallback)]
    [InlineData(null, "ZZ", MemberTimeZones.Fallback)]
    public void Resolve_ProfileThenCountryThenFallback(string? profileZone, string? country, string expected)
    {
        // Act
        var zone = MemberTimeZones.Resolve(profileZone, country);

        // Assert
        zone.ShouldBe(expected);
    }

    [Fact]
    public void Choices_AreKnownSortedAndHoldTheEuropeanCapitals()
    {
        // Act
        var choices = MemberTimeZones.Choices;

        // Assert
        choices.ShouldBe(choices.Order(StringComparer.Ordinal).ToList());
        choices.ShouldAllBe(id => MemberTimeZones.IsKnown(id));
        choices.ShouldContain("Europe/Lisbon");
        choices.ShouldContain("Europe/Helsinki");
        choices.ShouldNotContain("Etc/GMT+5");
    }
}

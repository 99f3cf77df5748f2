using CecPortal.Web.SharedKernel;

namespace CecPortal.UnitTests.Briefings;

public sealed class TlpLabelTests
{
    [Theory]
    [InlineData("TLP:AMBER+STRICT", TlpLabel.AmberStrict)]
    [InlineData("amber+strict", TlpLabel.AmberStrict)]
    [InlineData("AmberStrict", TlpLabel.AmberStrict)]
    [InlineData(" tlp:red ", TlpLabel.Red)]
    [InlineData("CLEAR", TlpLabel.Clear)]
    [InlineData("Green", TlpLabel.Green)]
    public void TryParse_Tlp2Spellings_FindsTheLabel(string text, TlpLabel expected)
    {
        // Act
        var parsed = TlpRules.TryParse(text, out var label);

        // Assert
        parsed.ShouldBeTrue();
        label.ShouldBe(expected);
    }

    [Theory]
    [InlineData("WHITE")]
    [InlineData("TLP:")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownLabel_FailsWithTheDefault(string? text)
    {
        // Act
        var parsed = TlpRules.TryParse(text, out var label);

        // Assert
        parsed.ShouldBeFalse();
        label.ShouldBe(TlpLabel.Amber);
    }

    [Fact]
    public void CssName_EveryLabel_IsDistinct()
    {
        // Act
        var names = Enum.GetValues<TlpLabel>().Select(label => label.CssName()).ToList();

        // Assert
        names.ShouldBe(["clear", "green", "amber", "amber-strict", "red"]);
    }
}

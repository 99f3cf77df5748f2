using CecPortal.Web.Features.Sharing;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;

namespace CecPortal.UnitTests.Sharing;

/// <summary>A message's TLP label in its channel: the channel's or stricter, never looser, TLP:RED only in working groups.</summary>
public sealed class MessageTlpTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Staff = new("staff-id", "staff@cec.example");

    [Fact]
    public void TlpLabel_Order_ClearGreenAmberAmberStrictRed()
    {
        // Arrange
        TlpLabel[] labels = [TlpLabel.Red, TlpLabel.Clear, TlpLabel.AmberStrict, TlpLabel.Green, TlpLabel.Amber];

        // Act
        var ordered = labels.Order().ToList();

        // Assert
        ordered.ShouldBe([TlpLabel.Clear, TlpLabel.Green, TlpLabel.Amber, TlpLabel.AmberStrict, TlpLabel.Red]);
    }

    [Theory]
    [InlineData(TlpLabel.Amber)]
    [InlineData(TlpLabel.AmberStrict)]
    public void CheckMessageTlp_SameOrStricterInAnAmberChannel_Accepted(TlpLabel label)
    {
        // Arrange
        var channel = Channel.Community(Now);

        // Act
        var checkedLabel = channel.CheckMessageTlp(label, "Tlp");

        // Assert
        checkedLabel.ShouldBe(label);
    }

    [Theory]
    [InlineData(TlpLabel.Clear)]
    [InlineData(TlpLabel.Green)]
    public void CheckMessageTlp_LooserThanTheChannel_RefusedUnderTheField(TlpLabel label)
    {
        // Arrange
        var channel = Channel.Community(Now);

        // Act
        var refusal = Should.Throw<SharingRuleException>(() => channel.CheckMessageTlp(label, "Tlp"));

        // Assert
        refusal.Field.ShouldBe("Tlp");
        refusal.Message.ShouldContain("never looser");
    }

    [Fact]
    public void CheckMessageTlp_RedInAWorkingGroup_Accepted()
    {
        // Arrange
        var channel = Channel.Create(ChannelKind.WorkingGroup, "group", "Group", null, TlpLabel.Amber, Staff, Now);

        // Act
        var checkedLabel = channel.CheckMessageTlp(TlpLabel.Red, "Tlp");

        // Assert
        checkedLabel.ShouldBe(TlpLabel.Red);
    }

    [Theory]
    [InlineData(ChannelKind.Open)]
    [InlineData(ChannelKind.Community)]
    public void CheckMessageTlp_RedOutsideAWorkingGroup_Refused(ChannelKind kind)
    {
        // Arrange
        var channel = kind == ChannelKind.Community ? Channel.Community(Now) : Channel.Create(kind, "open", "Open", null, TlpLabel.Amber, Staff, Now);

        // Act
        var refusal = Should.Throw<SharingRuleException>(() => channel.CheckMessageTlp(TlpLabel.Red, "Tlp"));

        // Assert
        refusal.Message.ShouldContain("only for working groups");
    }

    [Fact]
    public void Create_RedDefaultOutsideAWorkingGroup_Refused()
    {
        // Act
        var refusal = Should.Throw<SharingRuleException>(() => Channel.Create(ChannelKind.Open, "open", "Open", null, TlpLabel.Red, Staff, Now));

        // Assert
        refusal.Message.ShouldContain("only for working groups");
    }

    [Fact]
    public void Choices_GreenOpenChannel_FromGreenUpToAmberStrict()
    {
        // Act
        var choices = MessageTlp.Choices(ChannelKind.Open, TlpLabel.Green);

        // Assert
        choices.ShouldBe([TlpLabel.Green, TlpLabel.Amber, TlpLabel.AmberStrict]);
    }

    [Fact]
    public void Choices_AmberWorkingGroup_IncludeRed()
    {
        // Act
        var choices = MessageTlp.Choices(ChannelKind.WorkingGroup, TlpLabel.Amber);

        // Assert
        choices.ShouldBe([TlpLabel.Amber, TlpLabel.AmberStrict, TlpLabel.Red]);
    }

    [Theory]
    [InlineData("sector-energy", true)]
    [InlineData("nis2-reporting", true)]
    [InlineData("Sector", false)]
    [InlineData("-leading", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("ünïcode", false)]
    [InlineData("", false)]
    public void IsValidSlug_LowercaseLettersDigitsAndSingleHyphens(string slug, bool valid)
    {
        // Act
        var result = Channel.IsValidSlug(slug);

        // Assert
        result.ShouldBe(valid);
    }
}

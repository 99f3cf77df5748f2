using CecPortal.Web.Features.Sharing;
using CecPortal.Web.Features.Sharing.Alerts;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.SharedKernel;

namespace CecPortal.UnitTests.Sharing;

/// <summary>An urgent alert guards its own state: proposed, then confirmed or declined once; ended only while active; pinned until it expires.</summary>
public sealed class UrgentAlertTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan PinnedFor = TimeSpan.FromHours(72);

    [Fact]
    public void Confirm_AProposal_IsPinnedUntilItExpires()
    {
        // Arrange
        var alert = UrgentAlert.Propose(Post(), "  Gateway   exploited  ", "member", Now);

        // Act
        alert.Confirm("moderator", Now.AddMinutes(5), PinnedFor);

        // Assert
        alert.Title.ShouldBe("Gateway exploited");
        alert.Status.ShouldBe(UrgentAlertStatus.Active);
        alert.IsPinnedAt(Now.AddHours(72)).ShouldBeTrue();
        alert.IsPinnedAt(Now.AddMinutes(5) + PinnedFor).ShouldBeFalse();
    }

    [Fact]
    public void Decide_ADecidedProposal_Refused()
    {
        // Arrange
        var alert = UrgentAlert.Propose(Post(), "Gateway exploited", "member", Now);
        alert.Decline("moderator", Now);

        // Act
        var confirm = Should.Throw<SharingRuleException>(() => alert.Confirm("moderator", Now, PinnedFor));

        // Assert
        confirm.Message.ShouldContain("already decided");
        alert.IsPinnedAt(Now).ShouldBeFalse();
        Should.Throw<SharingRuleException>(() => alert.End("moderator", Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Line one\u0007")]
    public void Propose_NoOrBadTitle_Refused(string title) =>
        Should.Throw<SharingRuleException>(() => UrgentAlert.Propose(Post(), title, "member", Now)).Field.ShouldBe("Title");

    [Fact]
    public void Raise_DeletedMessage_Refused()
    {
        // Arrange
        var message = Post();
        message.Delete("author", Now);

        // Act, Assert
        Should.Throw<SharingRuleException>(() => UrgentAlert.Raise(message, "Too late", "moderator", Now, PinnedFor));
    }

    private static Message Post() =>
        Message.Post(Topic.Start(Guid.CreateVersion7(), "Subject", "author", Now), "author", new MessageBody("Exploited", "<p>Exploited</p>"), TlpLabel.Amber, Now);
}

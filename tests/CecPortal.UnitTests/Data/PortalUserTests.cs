using CecPortal.Web.Data;

namespace CecPortal.UnitTests.Data;

public sealed class PortalUserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Suspend_ActiveMember_RecordsWhenAndTrimmedReason()
    {
        // Arrange
        var user = new PortalUser { FullName = "Marie Dubois" };

        // Act
        user.Suspend("  Left the organisation.  ", Now);

        // Assert
        user.IsSuspended.ShouldBeTrue();
        user.SuspendedAt.ShouldBe(Now);
        user.SuspensionReason.ShouldBe("Left the organisation.");
    }

    [Fact]
    public void Suspend_AlreadySuspended_ThrowsAndKeepsTheFirstSuspension()
    {
        // Arrange
        var user = new PortalUser { FullName = "Marie Dubois" };
        user.Suspend("First.", Now);

        // Act
        var thrown = Should.Throw<AccountRuleException>(() => user.Suspend("Second.", Now.AddDays(1)));

        // Assert
        thrown.Message.ShouldBe("Marie Dubois is already suspended.");
        user.SuspendedAt.ShouldBe(Now);
        user.SuspensionReason.ShouldBe("First.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Suspend_WithoutReason_ThrowsAndStaysActive(string reason)
    {
        // Arrange
        var user = new PortalUser { FullName = "Marie Dubois" };

        // Act
        var thrown = Should.Throw<AccountRuleException>(() => user.Suspend(reason, Now));

        // Assert
        thrown.Message.ShouldBe("Give a reason for the record.");
        user.IsSuspended.ShouldBeFalse();
    }

    [Fact]
    public void Suspend_WithOverlongReason_ThrowsAndStaysActive()
    {
        // Arrange
        var user = new PortalUser { FullName = "Marie Dubois" };

        // Act
        var thrown = Should.Throw<AccountRuleException>(() => user.Suspend(new string('x', PortalUser.MaxReasonLength + 1), Now));

        // Assert
        thrown.Message.ShouldContain("500");
        user.IsSuspended.ShouldBeFalse();
    }

    [Fact]
    public void Reinstate_SuspendedMember_ClearsTheSuspension()
    {
        // Arrange
        var user = new PortalUser { FullName = "Marie Dubois" };
        user.Suspend("Unpaid fee.", Now);

        // Act
        user.Reinstate("Fee paid.");

        // Assert
        user.IsSuspended.ShouldBeFalse();
        user.SuspendedAt.ShouldBeNull();
        user.SuspensionReason.ShouldBeNull();
    }

    [Fact]
    public void Reinstate_ActiveMember_Throws()
    {
        // Arrange
        var user = new PortalUser { FullName = "Marie Dubois" };

        // Act
        var thrown = Should.Throw<AccountRuleException>(() => user.Reinstate("Just in case."));

        // Assert
        thrown.Message.ShouldBe("Marie Dubois is not suspended.");
    }

    [Fact]
    public void Reinstate_WithoutReason_ThrowsAndStaysSuspended()
    {
        // Arrange
        var user = new PortalUser { FullName = "Marie Dubois" };
        user.Suspend("Unpaid fee.", Now);

        // Act
        Should.Throw<AccountRuleException>(() => user.Reinstate(" "));

        // Assert
        user.IsSuspended.ShouldBeTrue();
    }
}

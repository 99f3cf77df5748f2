using CecPortal.Web.Features.Webinars.Registration;

namespace CecPortal.UnitTests.Webinars;

public sealed class WaitingListTests
{
    [Fact]
    public void Register_FreePlace_Confirms()
    {
        // Arrange
        var list = WaitingList.Create(2, ["ana"]);

        // Act
        var result = list.Register("bo");

        // Assert
        result.Standing.ShouldBe(RegistrationStanding.Confirmed);
        result.AlreadyRegistered.ShouldBeFalse();
        result.List.Confirmed.ShouldBe(["ana", "bo"]);
        result.List.IsFull.ShouldBeTrue();
        list.Confirmed.ShouldBe(["ana"]);
    }

    [Fact]
    public void Register_Full_JoinsTheEndOfTheWaitingList()
    {
        // Arrange
        var list = WaitingList.Create(1, ["ana"], ["bo"]);

        // Act
        var result = list.Register("cy");

        // Assert
        result.Standing.ShouldBe(RegistrationStanding.Waitlisted);
        result.List.Waiting.ShouldBe(["bo", "cy"]);
        result.List.PositionInLine("cy").ShouldBe(2);
        result.List.PositionInLine("ana").ShouldBeNull();
    }

    [Theory]
    [InlineData("ana", RegistrationStanding.Confirmed)]
    [InlineData("bo", RegistrationStanding.Waitlisted)]
    public void Register_Twice_ChangesNothing(string member, RegistrationStanding standing)
    {
        // Arrange
        var list = WaitingList.Create(1, ["ana"], ["bo"]);

        // Act
        var result = list.Register(member);

        // Assert
        result.AlreadyRegistered.ShouldBeTrue();
        result.Standing.ShouldBe(standing);
        result.List.Confirmed.ShouldBe(["ana"]);
        result.List.Waiting.ShouldBe(["bo"]);
    }

    [Fact]
    public void Cancel_ConfirmedMember_PromotesTheEarliestWaiting()
    {
        // Arrange
        var list = WaitingList.Create(2, ["ana", "bo"]);
        list = list.Register("cy").List.Register("dee").List;

        // Act
        var change = list.Cancel("ana");

        // Assert
        change.PreviousStanding.ShouldBe(RegistrationStanding.Confirmed);
        change.Promoted.ShouldBe(["cy"]);
        change.List.Confirmed.ShouldBe(["bo", "cy"]);
        change.List.Waiting.ShouldBe(["dee"]);
        change.List.StandingOf("ana").ShouldBe(RegistrationStanding.NotRegistered);
    }

    [Fact]
    public void Cancel_SuccessiveCancellations_PromoteInArrivalOrder()
    {
        // Arrange
        var list = WaitingList.Create(1, ["ana"], ["bo", "cy", "dee"]);

        // Act
        var first = list.Cancel("ana");
        var second = first.List.Cancel("bo");
        var third = second.List.Cancel("cy");

        // Assert
        first.Promoted.ShouldBe(["bo"]);
        second.Promoted.ShouldBe(["cy"]);
        third.Promoted.ShouldBe(["dee"]);
        third.List.Waiting.ShouldBeEmpty();
    }

    [Fact]
    public void Cancel_WaitlistedMember_LeavesTheLineWithoutPromotingAnyone()
    {
        // Arrange
        var list = WaitingList.Create(1, ["ana"], ["bo", "cy", "dee"]);

        // Act
        var change = list.Cancel("cy");

        // Assert
        change.PreviousStanding.ShouldBe(RegistrationStanding.Waitlisted);
        change.Promoted.ShouldBeEmpty();
        change.List.Confirmed.ShouldBe(["ana"]);
        change.List.Waiting.ShouldBe(["bo", "dee"]);
        change.List.PositionInLine("dee").ShouldBe(2);
    }

    [Fact]
    public void Cancel_NotRegistered_ChangesNothing()
    {
        // Arrange
        var list = WaitingList.Create(1, ["ana"], ["bo"]);

        // Act
        var change = list.Cancel("zed");

        // Assert
        change.PreviousStanding.ShouldBe(RegistrationStanding.NotRegistered);
        change.Promoted.ShouldBeEmpty();
        change.List.ShouldBeSameAs(list);
    }

    [Fact]
    public void Cancel_ConfirmedWithNobodyWaiting_FreesAPlace()
    {
        // Arrange
        var list = WaitingList.Create(2, ["ana", "bo"]);

        // Act
        var change = list.Cancel("bo");

        // Assert
        change.Promoted.ShouldBeEmpty();
        change.List.FreePlaces.ShouldBe(1);
        change.List.Register("cy").Standing.ShouldBe(RegistrationStanding.Confirmed);
    }

    [Fact]
    public void WithCapacity_Increase_PromotesSeveralInOrder()
    {
        // Arrange
        var list = WaitingList.Create(1, ["ana"], ["bo", "cy", "dee"]);

        // Act
        var change = list.WithCapacity(3);

        // Assert
        change.Promoted.ShouldBe(["bo", "cy"]);
        change.List.Capacity.ShouldBe(3);
        change.List.Confirmed.ShouldBe(["ana", "bo", "cy"]);
        change.List.Waiting.ShouldBe(["dee"]);
    }

    [Fact]
    public void WithCapacity_IncreaseBeyondTheLine_PromotesEveryoneAndLeavesFreePlaces()
    {
        // Arrange
        var list = WaitingList.Create(1, ["ana"], ["bo"]);

        // Act
        var change = list.WithCapacity(5);

        // Assert
        change.Promoted.ShouldBe(["bo"]);
        change.List.FreePlaces.ShouldBe(3);
    }

    [Fact]
    public void WithCapacity_Decrease_KeepsEveryConfirmedPlaceButStopsNewOnes()
    {
        // Arrange
        var list = WaitingList.Create(3, ["ana", "bo", "cy"]);

        // Act
        var change = list.WithCapacity(1);
        var afterCancel = change.List.Cancel("ana");
        var registration = afterCancel.List.Register("dee");

        // Assert
        change.Promoted.ShouldBeEmpty();
        change.List.Confirmed.ShouldBe(["ana", "bo", "cy"]);
        change.List.IsFull.ShouldBeTrue();
        afterCancel.List.FreePlaces.ShouldBe(0);
        registration.Standing.ShouldBe(RegistrationStanding.Waitlisted);
    }

    [Fact]
    public void Create_MemberListedTwice_Throws()
    {
        // Act
        var exception = Should.Throw<ArgumentException>(() => WaitingList.Create(1, ["ana"], ["ana"]));

        // Assert
        exception.Message.ShouldBe("A member is registered more than once.");
    }

    [Fact]
    public void Create_WaitingWhilePlacesAreFree_Throws()
    {
        // Act
        var exception = Should.Throw<ArgumentException>(() => WaitingList.Create(2, ["ana"], ["bo"]));

        // Assert
        exception.Message.ShouldBe("Members are waiting although places are free.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Create_CapacityBelowOne_Throws(int capacity)
    {
        // Act / Assert
        Should.Throw<ArgumentOutOfRangeException>(() => WaitingList.Create(capacity));
    }
}

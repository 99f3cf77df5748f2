using CecPortal.Web.Features.Sharing.Sightings;

namespace CecPortal.UnitTests.Sharing;

/// <summary>The "seen it too" breakdown: sectors under three merge into "other sectors", and a bucket of one or two hides the breakdown.</summary>
public sealed class SeenItTooTests
{
    [Fact]
    public void Of_NoSightings_ZeroWithoutBreakdown()
    {
        // Act
        var seen = SeenItToo.Of([], seenByMe: false);

        // Assert
        (seen.Total, seen.HasBreakdown, seen.OtherSectors).ShouldBe((0, false, 0));
    }

    [Fact]
    public void Of_OneSectorOfThree_NamesIt()
    {
        // Act
        var seen = SeenItToo.Of([new("Health", 3)], seenByMe: false);

        // Assert
        seen.Total.ShouldBe(3);
        seen.Sectors.ShouldBe([new SectorSightings("Health", 3)]);
        seen.OtherSectors.ShouldBe(0);
    }

    [Fact]
    public void Of_SmallSectorsTogetherThreeOrMore_MergeIntoOtherSectors()
    {
        // Act
        var seen = SeenItToo.Of([new("Health", 4), new("Energy", 2), new("Banking", 1)], seenByMe: false);

        // Assert
        seen.Total.ShouldBe(7);
        seen.Sectors.ShouldBe([new SectorSightings("Health", 4)]);
        seen.OtherSectors.ShouldBe(3);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Of_OtherSectorsOfOneOrTwo_OnlyTheTotal(int others)
    {
        // Act: beside "4 Health", "1 other sector" would point at a person
        var seen = SeenItToo.Of([new("Health", 4), new("Energy", others)], seenByMe: false);

        // Assert
        seen.Total.ShouldBe(4 + others);
        seen.HasBreakdown.ShouldBeFalse();
        seen.OtherSectors.ShouldBe(0);
    }

    [Fact]
    public void Of_NoSectorOfThree_OnlyTheTotal()
    {
        // Act
        var seen = SeenItToo.Of([new("Health", 1), new("Energy", 1), new("Banking", 1)], seenByMe: false);

        // Assert
        (seen.Total, seen.HasBreakdown).ShouldBe((3, false));
    }

    [Fact]
    public void Of_MembersWithoutASector_CountAmongOtherSectorsEvenWhenThree()
    {
        // Act
        var seen = SeenItToo.Of([new("Health", 3), new(null, 3)], seenByMe: false);

        // Assert
        seen.Sectors.ShouldBe([new SectorSightings("Health", 3)]);
        seen.OtherSectors.ShouldBe(3);
    }

    [Fact]
    public void Of_SeveralNamedSectors_LargestFirstThenByName()
    {
        // Act
        var seen = SeenItToo.Of([new("Transport", 3), new("Banking", 3), new("Health", 5)], seenByMe: true);

        // Assert
        seen.Sectors.Select(s => s.Sector).ShouldBe(["Health", "Banking", "Transport"]);
        seen.OtherSectors.ShouldBe(0);
        seen.SeenByMe.ShouldBe(true);
    }

    [Fact]
    public void Of_ForNoOneInParticular_KeepsTheReadersMarkUnknown()
    {
        // Act
        var seen = SeenItToo.Of([new("Health", 1)], seenByMe: null);

        // Assert
        seen.SeenByMe.ShouldBeNull();
    }
}

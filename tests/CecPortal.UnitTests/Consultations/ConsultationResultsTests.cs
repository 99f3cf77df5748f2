using CecPortal.Web.Features.Consultations.Results;
using static CecPortal.UnitTests.Consultations.ResultsTestData;

namespace CecPortal.UnitTests.Consultations;

public sealed class ConsultationResultsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Compute_SectorWithOneToFourRespondents_IsNeverShownAlone(int few)
    {
        // Arrange: two large sectors and one with 1 to 4 respondents, who all answered "No" while everyone else said "Yes".
        var responses = Many(8, "DE", "energy").Concat(Many(7, "DE", "health")).Concat(Many(few, "DE", "banking", choice: 1));

        // Act
        var report = Compute(responses);

        // Assert: banking appears in no group of any breakdown, every group holds at least k, and the "No" answers are
        // only ever counted inside a group of at least k.
        var groups = report.Breakdowns.SelectMany(b => b.Groups).ToList();
        groups.ShouldNotContain(g => g.SectorKey == "banking");
        groups.ShouldAllBe(g => g.Respondents >= 5);
        report.Questions[0].Rows(BreakdownKind.Sector).ShouldAllBe(r => r.Tally.Counts[1] == 0 || r.Group.Respondents >= 5);
        ResultsDisclosure.Check(report, [.. responses], 5);
    }

    [Fact]
    public void Compute_OtherBelowK_ForcesTheNextSmallestGroupIn()
    {
        // Arrange: Italy (2) alone would make "Other countries" a group of 2, which is Italy; France (6) is the next smallest.
        var responses = Many(7, "DE", "energy").Concat(Many(6, "FR", "energy")).Concat(Many(2, "IT", "energy")).ToList();

        // Act
        var report = Compute(responses);

        // Assert
        report.ByCountry.Groups.Select(g => (g.CountryCode, g.Label, g.Respondents))
            .ShouldBe([("DE", "Germany", 7), (null, ConsultationResults.OtherCountries, 8)]);
        report.ByCountry.Note.ShouldNotBeNull().ShouldContain("fewer than 5");
        ResultsDisclosure.Check(report, responses, 5);
    }

    [Fact]
    public void Compute_SmallOtherAcrossSectors_MergesTheSmallestSectorToo()
    {
        // Arrange: sectors 9, 6 and 3: "Other sectors" would be the 3 alone, so the 6 joins it.
        var responses = Many(9, "DE", "energy").Concat(Many(6, "DE", "health")).Concat(Many(3, "DE", "banking")).ToList();

        // Act
        var report = Compute(responses);

        // Assert
        report.BySector.Groups.Select(g => (g.SectorKey, g.Respondents)).ShouldBe([("energy", 9), (null, 9)]);
        ResultsDisclosure.Check(report, responses, 5);
    }

    [Fact]
    public void Compute_CountriesAndSectorsEachLargeButACellSmall_DoesNotShowBothInFull()
    {
        // Arrange: each country (10, 10) and each sector (7, 13) has at least 5 respondents, so tables checked one at a
        // time would show all four. But everyone in energy is German: Germany (10) minus energy (7) is the 3 German
        // health respondents, and Germany's answers minus energy's are theirs.
        var responses = Many(7, "DE", "energy").Concat(Many(3, "DE", "health", choice: 1)).Concat(Many(10, "FR", "health")).ToList();

        // Act
        var report = Compute(responses);

        // Assert: not both breakdowns in full, and no set of fewer than 5 can be worked out from what is shown.
        (report.ByCountry.Groups.Count(g => g.CountryCode is not null) + report.BySector.Groups.Count(g => g.SectorKey is not null)).ShouldBeLessThan(4);
        ResultsDisclosure.Check(report, responses, 5);
    }

    [Fact]
    public void Compute_TwoCountriesAcrossTwoSectors_ShowsTheCrossTableWithItsCells()
    {
        // Arrange
        var responses = Many(5, "DE", "energy").Concat(Many(6, "DE", "health")).Concat(Many(5, "FR", "energy")).Concat(Many(7, "FR", "health", choice: 1)).ToList();

        // Act
        var report = Compute(responses);

        // Assert
        report.ByCountryAndSector.IsShown.ShouldBeTrue();
        // In the order of the country table (France 12, Germany 11), then of the sector table (health 13, energy 10).
        report.ByCountryAndSector.Groups.Select(g => (g.Label, g.Respondents)).ShouldBe(
            [("France · Sector health", 7), ("France · Sector energy", 5), ("Germany · Sector health", 6), ("Germany · Sector energy", 5)]);
        var health = report.Questions[0].Rows(BreakdownKind.CountryBySector).Single(r => r.Group.CountryCode == "FR" && r.Group.SectorKey == "health");
        health.Tally.Counts.ShouldBe([0, 7, 0]);
        ResultsDisclosure.Check(report, responses, 5);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public void Compute_FewerThanKOverall_PublishesNothingButThatFact(int count)
    {
        // Arrange
        var responses = Many(count, "DE", "energy");

        // Act
        var report = Compute(responses);

        // Assert
        report.HasFigures.ShouldBeFalse();
        report.Respondents.ShouldBeNull();
        report.Questions.ShouldBeEmpty();
        report.Breakdowns.ShouldAllBe(b => !b.IsShown && b.Note == null);
        ResultsCsv.Write(report).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
    }

    [Fact]
    public void Compute_ExactlyK_ShowsTheTotalAndTheOneGroup()
    {
        // Arrange
        var responses = Many(5, "AT", "energy").ToList();

        // Act
        var report = Compute(responses);

        // Assert
        report.Respondents.ShouldBe(5);
        report.ByCountry.Groups.Single().Label.ShouldBe("Austria");
        report.Questions[0].Overall.Counts.ShouldBe([5, 0, 0]);
    }

    [Fact]
    public void Compute_Answers_AreCountedPerKindWithMalformedChoicesIgnored()
    {
        // Arrange
        ResultResponse Respondent(int[] single, int[] multiple, int[] scale, string? text) => new("DE", "energy", new Dictionary<Guid, ResultAnswer>
        {
            [Threshold.Id] = new(single, null),
            [Acts.Id] = new(multiple, null),
            [Readiness.Id] = new(scale, null),
            [Comments.Id] = new([], text),
        });
        ResultResponse[] responses =
        [
            Respondent([0], [0, 1], [4], "One"),
            Respondent([1], [0, 0, 2], [3], "  "),
            Respondent([7], [9], [], null),
            Respondent([0, 1], [], [0], "Two"),
            new("DE", "energy", new Dictionary<Guid, ResultAnswer>()),
        ];

        // Act
        var report = Compute(responses);

        // Assert: an index outside the options is no answer, a repeat counts once, a single choice counts its first.
        var single = report.Questions[0].Overall;
        single.Answered.ShouldBe(3);
        single.Counts.ShouldBe([2, 1, 0]);
        var multiple = report.Questions[1].Overall;
        multiple.Answered.ShouldBe(2);
        multiple.Counts.ShouldBe([2, 1, 1]);
        var scale = report.Questions[2].Overall;
        scale.Answered.ShouldBe(3);
        scale.Counts.ShouldBe([1, 0, 0, 1, 1]);
        scale.Mean.ShouldBe((5 + 4 + 1) / 3.0);
        report.Questions[3].Overall.Answered.ShouldBe(2);
        report.Questions[3].Texts.ShouldBe(["One", "Two"], ignoreOrder: true);
        report.Questions[3].ByCountry.ShouldBeEmpty();
    }

    [Fact]
    public void Compute_FreeText_OrderIgnoresInputOrderAndIsStableForASeed()
    {
        // Arrange: the same answers submitted in two different orders.
        var texts = Enumerable.Range(1, 20).Select(i => $"Answer {i}").ToList();
        ResultResponse Writing(string text) => new("DE", "energy", new Dictionary<Guid, ResultAnswer> { [Comments.Id] = new([], text) });
        var submitted = texts.Select(Writing).ToList();
        var reversed = Enumerable.Reverse(submitted).ToList();
        var random = new Random(3);
        var shuffled = submitted.OrderBy(_ => random.Next()).ToList();

        // Act
        var first = Compute(submitted, seed: 7).Questions[3].Texts;
        var again = Compute(submitted, seed: 7).Questions[3].Texts;
        var fromReversed = Compute(reversed, seed: 7).Questions[3].Texts;
        var fromShuffled = Compute(shuffled, seed: 7).Questions[3].Texts;
        var otherSeed = Compute(submitted, seed: 8).Questions[3].Texts;

        // Assert
        first.ShouldBe(texts, ignoreOrder: true);
        again.ShouldBe(first);
        fromReversed.ShouldBe(first);
        fromShuffled.ShouldBe(first);
        first.SequenceEqual(texts).ShouldBeFalse();
        otherSeed.SequenceEqual(first).ShouldBeFalse();
    }

    [Fact]
    public void Compute_MinGroupSizeBelowTwo_IsRefused()
    {
        // Act / Assert
        Should.Throw<ArgumentOutOfRangeException>(() => Compute(Many(10, "DE", "energy"), k: 1));
    }
}

using System.Text.RegularExpressions;
using CecPortal.Web.Features.Briefings;

namespace CecPortal.UnitTests.Briefings;

public sealed class BriefingDatesTests
{
    [Theory]
    [InlineData("2026-11-25", 2026, 11, 25)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData(" 2026-01-01 ", 2026, 1, 1)]
    public void TryParse_IsoDate_GivesTheEditionDate(string text, int year, int month, int day)
    {
        // Act
        var parsed = BriefingDates.TryParse(text, out var date);

        // Assert
        parsed.ShouldBeTrue();
        date.ShouldBe(new DateOnly(year, month, day));
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("2025-02-29")]
    [InlineData("2026-11-5")]
    [InlineData("25-11-2026")]
    [InlineData("25/11/2026")]
    [InlineData("2026-11-25T00:00")]
    [InlineData("latest")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_AnythingElse_Fails(string? text)
    {
        // Act
        var parsed = BriefingDates.TryParse(text, out _);

        // Assert
        parsed.ShouldBeFalse();
    }

    [Fact]
    public void PathOf_Date_IsTheStableAddress()
    {
        // Act
        var path = BriefingDates.PathOf(new DateOnly(2026, 3, 7));

        // Assert
        path.ShouldBe("/briefings/2026-03-07");
    }

    [Theory]
    [InlineData("2026-11-25", true)]
    [InlineData("2026-13-45", true)]
    [InlineData("search", false)]
    [InlineData("feed", false)]
    [InlineData("20261125", false)]
    [InlineData("2026-11-25x", false)]
    public void RoutePattern_Segment_MatchesOnlyDateShapes(string segment, bool matches)
    {
        // Act
        var matched = Regex.IsMatch(segment, BriefingDates.RoutePattern);

        // Assert
        matched.ShouldBe(matches);
    }

    [Fact]
    public void EditionPage_RouteTemplate_UsesTheSamePattern()
    {
        // Arrange
        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "CecPortal.Web", "Features", "Briefings", "Edition.cshtml"));

        // Act
        var firstLine = page.Split('\n')[0];

        // Assert: braces are doubled in a route template.
        firstLine.ShouldBe($"@page \"/briefings/{{date:regex({BriefingDates.RoutePattern.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)})}}\"");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CecPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CecPortal.sln not found above the test binaries.");
    }
}

using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Vetting;
using static CecPortal.UnitTests.Membership.TestApplications;

namespace CecPortal.UnitTests.Membership.Vetting;

public sealed class VettingScopeTests
{
    private static readonly VettingScope AdminScope = new(IsAdmin: true, new HashSet<string>(), new HashSet<string>());

    private static readonly VettingScope GermanyAndEnergy = new(IsAdmin: false, new HashSet<string> { "DE", "AT" }, new HashSet<string> { "energy" });

    private static readonly VettingScope NoAssignments = new(IsAdmin: false, new HashSet<string>(), new HashSet<string>());

    [Theory]
    [InlineData("DE", "energy", true)]
    [InlineData("DE", "finance", true)]
    [InlineData("FR", "energy", true)]
    [InlineData("FR", "finance", false)]
    [InlineData("de", "Energy", false)]
    public void Covers_Vetter_CoversCountryOrSector(string countryCode, string sectorCode, bool expected)
    {
        // Arrange
        var scope = GermanyAndEnergy;

        // Act
        var covers = scope.Covers(countryCode, sectorCode);

        // Assert
        covers.ShouldBe(expected);
    }

    [Theory]
    [InlineData("FR", "finance")]
    [InlineData("US", "anything")]
    public void Covers_Admin_CoversEverything(string countryCode, string sectorCode)
    {
        // Arrange
        var scope = AdminScope;

        // Act
        var covers = scope.Covers(countryCode, sectorCode);

        // Assert
        covers.ShouldBeTrue();
    }

    [Fact]
    public void Covers_VetterWithoutAssignments_CoversNothing()
    {
        // Arrange
        var scope = NoAssignments;

        // Act
        var covers = scope.Covers("DE", "energy");

        // Assert
        covers.ShouldBeFalse();
    }

    [Theory]
    [InlineData("DE", "energy", true, true)]
    [InlineData("DE", "finance", true, false)]
    [InlineData("FR", "energy", false, true)]
    [InlineData("FR", "finance", false, false)]
    public void AsReviewer_Vetter_CarriesWhatTheScopeCovers(string countryCode, string sectorCode, bool coversCountry, bool coversSector)
    {
        // Arrange
        var scope = GermanyAndEnergy;

        // Act
        var reviewer = scope.AsReviewer("vetter-1", "Vera Vetter", countryCode, sectorCode);

        // Assert
        reviewer.ShouldBe(new Reviewer("vetter-1", "Vera Vetter", coversCountry, coversSector));
    }

    [Fact]
    public void AsReviewer_Admin_CoversBothSides()
    {
        // Arrange
        var scope = AdminScope;

        // Act
        var reviewer = scope.AsReviewer("admin-1", "Ada Admin", "FR", "finance");

        // Assert
        reviewer.CoversCountry.ShouldBeTrue();
        reviewer.CoversSector.ShouldBeTrue();
    }

    [Fact]
    public void Review_ReviewerFromScopeCoveringNeither_IsRefused()
    {
        // Arrange
        var application = Submitted(Details());
        var reviewer = NoAssignments.AsReviewer("vetter-1", "Vera Vetter", application.CountryCode, application.SectorCode);

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.Review(reviewer, ReviewVerdict.Approve, null, null, SubmittedAt.AddDays(1)));

        // Assert
        exception.Message.ShouldContain("outside your vetting scope");
        application.Reviews.ShouldBeEmpty();
    }

    [Fact]
    public void Review_CountryScopeThenSectorScope_Approves()
    {
        // Arrange
        var application = Submitted(Details());
        var countryVetter = new VettingScope(false, new HashSet<string> { "DE" }, new HashSet<string>())
            .AsReviewer("vetter-de", "Dieter", application.CountryCode, application.SectorCode);
        var sectorVetter = new VettingScope(false, new HashSet<string>(), new HashSet<string> { "energy" })
            .AsReviewer("vetter-energy", "Erika", application.CountryCode, application.SectorCode);
        application.Review(countryVetter, ReviewVerdict.Approve, null, null, SubmittedAt.AddDays(1));

        // Act
        application.Review(sectorVetter, ReviewVerdict.Approve, null, null, SubmittedAt.AddDays(2));

        // Assert
        application.Status.ShouldBe(ApplicationStatus.Approved);
    }
}

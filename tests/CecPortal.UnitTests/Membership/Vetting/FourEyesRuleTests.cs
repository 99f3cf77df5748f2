using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Vetting;
using static CecPortal.UnitTests.Membership.TestApplications;

namespace CecPortal.UnitTests.Membership.Vetting;

public sealed class FourEyesRuleTests
{
    private static readonly ApprovalCoverage CountryOnly = new("vetter-country", CoversCountry: true, CoversSector: false);
    private static readonly ApprovalCoverage SecondCountryOnly = new("vetter-country-2", CoversCountry: true, CoversSector: false);
    private static readonly ApprovalCoverage SectorOnly = new("vetter-sector", CoversCountry: false, CoversSector: true);
    private static readonly ApprovalCoverage SecondSectorOnly = new("vetter-sector-2", CoversCountry: false, CoversSector: true);
    private static readonly ApprovalCoverage AdminApproval = new("admin-1", CoversCountry: true, CoversSector: true);
    private static readonly ApprovalCoverage SecondAdminApproval = new("admin-2", CoversCountry: true, CoversSector: true);

    [Fact]
    public void IsSatisfied_NoApprovals_IsFalseAndMissingAsksForTwo()
    {
        // Arrange
        ApprovalCoverage[] approvals = [];

        // Act
        var satisfied = FourEyesRule.IsSatisfied(approvals);
        var missing = FourEyesRule.Missing(approvals);

        // Assert
        satisfied.ShouldBeFalse();
        missing.ShouldBe("Two approvals are needed: one from a vetter covering the country and one from a vetter covering the sector.");
    }

    [Fact]
    public void IsSatisfied_OneVetterCoveringBoth_NeverSufficesAlone()
    {
        // Arrange
        ApprovalCoverage[] approvals = [AdminApproval];

        // Act
        var satisfied = FourEyesRule.IsSatisfied(approvals);
        var missing = FourEyesRule.Missing(approvals);

        // Assert
        satisfied.ShouldBeFalse();
        missing.ShouldBe("Still needed: an approval from a second vetter (country or sector).");
    }

    [Fact]
    public void IsSatisfied_SameVetterApprovingTwice_CountsOnce()
    {
        // Arrange
        ApprovalCoverage[] approvals = [AdminApproval, AdminApproval];

        // Act
        var satisfied = FourEyesRule.IsSatisfied(approvals);

        // Assert
        satisfied.ShouldBeFalse();
        FourEyesRule.Missing(approvals).ShouldNotBeNull();
    }

    [Fact]
    public void IsSatisfied_SameVetterOnceForCountryAndOnceForSector_CountsOnce()
    {
        // Arrange
        ApprovalCoverage[] approvals = [CountryOnly, CountryOnly with { CoversCountry = false, CoversSector = true }];

        // Act
        var satisfied = FourEyesRule.IsSatisfied(approvals);

        // Assert
        satisfied.ShouldBeFalse();
    }

    [Fact]
    public void IsSatisfied_CountryVetterAndSectorVetter_IsTrueAndNothingMissing()
    {
        // Arrange
        ApprovalCoverage[] approvals = [CountryOnly, SectorOnly];

        // Act
        var satisfied = FourEyesRule.IsSatisfied(approvals);
        var missing = FourEyesRule.Missing(approvals);

        // Assert
        satisfied.ShouldBeTrue();
        missing.ShouldBeNull();
    }

    [Fact]
    public void IsSatisfied_TwoCountryOnlyVetters_IsFalseAndMissingAsksForSector()
    {
        // Arrange
        ApprovalCoverage[] approvals = [CountryOnly, SecondCountryOnly];

        // Act
        var satisfied = FourEyesRule.IsSatisfied(approvals);
        var missing = FourEyesRule.Missing(approvals);

        // Assert
        satisfied.ShouldBeFalse();
        missing.ShouldBe("Still needed: an approval from a vetter covering the sector.");
    }

    [Fact]
    public void IsSatisfied_TwoSectorOnlyVetters_IsFalseAndMissingAsksForCountry()
    {
        // Arrange
        ApprovalCoverage[] approvals = [SectorOnly, SecondSectorOnly];

        // Act
        var satisfied = FourEyesRule.IsSatisfied(approvals);
        var missing = FourEyesRule.Missing(approvals);

        // Assert
        satisfied.ShouldBeFalse();
        missing.ShouldBe("Still needed: an approval from a vetter covering the country.");
    }

    [Theory]
    [InlineData("country")]
    [InlineData("sector")]
    [InlineData("admin")]
    public void IsSatisfied_AdminWithAnyOtherVetter_IsTrue(string other)
    {
        // Arrange
        var second = other switch
        {
            "country" => CountryOnly,
            "sector" => SectorOnly,
            _ => SecondAdminApproval,
        };

        // Act
        var satisfied = FourEyesRule.IsSatisfied([AdminApproval, second]);
        var reversed = FourEyesRule.IsSatisfied([second, AdminApproval]);

        // Assert
        satisfied.ShouldBeTrue();
        reversed.ShouldBeTrue();
        FourEyesRule.Missing([AdminApproval, second]).ShouldBeNull();
    }

    [Fact]
    public void Review_AdminAloneApproving_StaysInReview()
    {
        // Arrange
        var application = Submitted();

        // Act
        application.Review(TestApplications.Admin, ReviewVerdict.Approve, "Known to me.", null, SubmittedAt.AddDays(1));

        // Assert
        application.Status.ShouldBe(ApplicationStatus.InReview);
        FourEyesRule.Missing(application.CurrentApprovals()).ShouldBe("Still needed: an approval from a second vetter (country or sector).");
    }

    [Fact]
    public void Review_SameAdminApprovingTwice_IsRefusedAndDoesNotApprove()
    {
        // Arrange
        var application = Submitted();
        application.Review(TestApplications.Admin, ReviewVerdict.Approve, "Known to me.", null, SubmittedAt.AddDays(1));

        // Act
        var exception = Should.Throw<ApplicationRuleException>(() => application.Review(TestApplications.Admin, ReviewVerdict.Approve, "Really.", null, SubmittedAt.AddDays(2)));

        // Assert
        exception.Message.ShouldContain("already reviewed");
        application.Status.ShouldBe(ApplicationStatus.InReview);
        application.CurrentApprovals().ShouldHaveSingleItem();
    }

    [Fact]
    public void Review_CountryVetterThenSectorVetter_Approves()
    {
        // Arrange
        var application = Submitted();
        application.Review(CountryVetter, ReviewVerdict.Approve, "Known to me.", null, SubmittedAt.AddDays(1));

        // Act
        application.Review(SectorVetter, ReviewVerdict.Approve, "In scope.", null, SubmittedAt.AddDays(2));

        // Assert
        application.Status.ShouldBe(ApplicationStatus.Approved);
        FourEyesRule.IsSatisfied(application.CurrentApprovals()).ShouldBeTrue();
    }

    [Fact]
    public void Review_TwoCountryOnlyVetters_DoesNotApprove()
    {
        // Arrange
        var application = Submitted();
        application.Review(CountryVetter, ReviewVerdict.Approve, "Known to me.", null, SubmittedAt.AddDays(1));

        // Act
        application.Review(SecondCountryVetter, ReviewVerdict.Approve, "Also known to me.", null, SubmittedAt.AddDays(2));

        // Assert
        application.Status.ShouldBe(ApplicationStatus.InReview);
        application.DecidedAt.ShouldBeNull();
        FourEyesRule.Missing(application.CurrentApprovals()).ShouldBe("Still needed: an approval from a vetter covering the sector.");
    }

    [Theory]
    [InlineData("country")]
    [InlineData("sector")]
    [InlineData("admin")]
    public void Review_AdminAndAnyOtherVetter_Approves(string other)
    {
        // Arrange
        var second = other switch
        {
            "country" => CountryVetter,
            "sector" => SectorVetter,
            _ => SecondAdmin,
        };
        var application = Submitted();
        application.Review(TestApplications.Admin, ReviewVerdict.Approve, "Known to me.", null, SubmittedAt.AddDays(1));

        // Act
        application.Review(second, ReviewVerdict.Approve, "Agreed.", null, SubmittedAt.AddDays(2));

        // Assert
        application.Status.ShouldBe(ApplicationStatus.Approved);
    }

    [Fact]
    public void Review_OtherVetterThenAdmin_Approves()
    {
        // Arrange
        var application = Submitted();
        application.Review(SectorVetter, ReviewVerdict.Approve, "In scope.", null, SubmittedAt.AddDays(1));

        // Act
        application.Review(TestApplications.Admin, ReviewVerdict.Approve, "Agreed.", null, SubmittedAt.AddDays(2));

        // Assert
        application.Status.ShouldBe(ApplicationStatus.Approved);
    }

    [Theory]
    [InlineData("country")]
    [InlineData("sector")]
    [InlineData("admin")]
    public void Review_DeclineByAnyone_DeclinesImmediately(string decliner)
    {
        // Arrange
        var reviewer = decliner switch
        {
            "country" => SecondCountryVetter,
            "sector" => SectorVetter,
            _ => TestApplications.Admin,
        };
        var application = Submitted();
        application.Review(CountryVetter, ReviewVerdict.Approve, "Known to me.", null, SubmittedAt.AddDays(1));

        // Act
        application.Review(reviewer, ReviewVerdict.Decline, "Not the security lead.", DeclineReason.NotSecurityLeadershipRole, SubmittedAt.AddDays(2));

        // Assert
        application.Status.ShouldBe(ApplicationStatus.Declined);
        application.DecidedAt.ShouldBe(SubmittedAt.AddDays(2));
    }

    [Fact]
    public void Review_FirstReviewIsDecline_DeclinesImmediately()
    {
        // Arrange
        var application = Submitted();

        // Act
        application.Review(CountryVetter, ReviewVerdict.Decline, "Outside the EU.", DeclineReason.NotEligibleCountry, SubmittedAt.AddDays(1));

        // Assert
        application.Status.ShouldBe(ApplicationStatus.Declined);
        application.DeclineReason.ShouldBe(DeclineReason.NotEligibleCountry);
    }

    [Fact]
    public void CurrentApprovals_DeclineInRound_IsNotCountedAsApproval()
    {
        // Arrange
        var application = Submitted();
        application.Review(CountryVetter, ReviewVerdict.Approve, "Known to me.", null, SubmittedAt.AddDays(1));
        application.Review(SectorVetter, ReviewVerdict.Decline, "Reseller.", DeclineReason.OrganisationOutOfScope, SubmittedAt.AddDays(2));

        // Act
        var approvals = application.CurrentApprovals().ToList();

        // Assert
        approvals.ShouldHaveSingleItem().ShouldBe(new ApprovalCoverage(CountryVetter.UserId, CoversCountry: true, CoversSector: false));
    }
}

using CecPortal.Web.Features.Membership;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;
using static CecPortal.UnitTests.Membership.TestApplications;

namespace CecPortal.UnitTests.Membership.Checks;

public sealed class PreChecksTests
{
    private static readonly PreCheckFacts CleanFacts = new(
        CountryEligible: true,
        CountryName: "Germany",
        IsFreeMail: false,
        SponsorIsActiveMember: false,
        ExistingMemberWithEmail: false,
        ExistingMemberWithDomain: null,
        OpenApplicationWithEmail: false,
        OpenApplicationWithDomain: false);

    [Fact]
    public void Evaluate_CleanApplication_RaisesNoFlags()
    {
        // Arrange
        var application = Application();

        // Act
        var flags = PreChecks.Evaluate(application, CleanFacts);

        // Assert
        flags.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_CountryNotEligible_RaisesOnlyCountryFlagNamingTheCountry()
    {
        // Arrange
        var application = Application();
        var facts = CleanFacts with { CountryEligible = false, CountryName = "United States" };

        // Act
        var flags = PreChecks.Evaluate(application, facts);

        // Assert
        var flag = flags.ShouldHaveSingleItem();
        flag.Kind.ShouldBe(FlagKind.CountryNotEligible);
        flag.Explanation.ShouldContain("United States");
        flag.Explanation.ShouldBeOneLine();
    }

    [Fact]
    public void Evaluate_BlocklistedAddress_RaisesOnlyBlockedAddressFlagWithoutTheAddress()
    {
        // Arrange
        var application = Application();
        var facts = CleanFacts with { EmailBlocklisted = true };

        // Act
        var flags = PreChecks.Evaluate(application, facts);

        // Assert
        var flag = flags.ShouldHaveSingleItem();
        flag.Kind.ShouldBe(FlagKind.BlockedAddress);
        flag.Explanation.ShouldNotContain(application.WorkEmail);
        flag.Explanation.ShouldBeOneLine();
        flag.Explanation.Length.ShouldBeLessThanOrEqualTo(400);
    }

    [Fact]
    public void Evaluate_FreeMail_RaisesFreeMailFlagAndSuppressesDomainMismatch()
    {
        // Arrange
        var application = Application(workEmail: "marie.curie@gmail.com");
        var facts = CleanFacts with { IsFreeMail = true };

        // Act
        var flags = PreChecks.Evaluate(application, facts);

        // Assert
        var flag = flags.ShouldHaveSingleItem();
        flag.Kind.ShouldBe(FlagKind.FreeMailAddress);
        flag.Explanation.ShouldContain("gmail.com");
        flag.Explanation.ShouldBeOneLine();
    }

    [Fact]
    public void Evaluate_EmailDomainDiffersFromWebsite_RaisesMismatchNamingBothDomains()
    {
        // Arrange
        var application = Application(workEmail: "marie.curie@other-company.eu");

        // Act
        var flags = PreChecks.Evaluate(application, CleanFacts);

        // Assert
        var flag = flags.ShouldHaveSingleItem();
        flag.Kind.ShouldBe(FlagKind.EmailDomainMismatch);
        flag.Explanation.ShouldContain("other-company.eu");
        flag.Explanation.ShouldContain("example.eu");
        flag.Explanation.ShouldBeOneLine();
    }

    [Theory]
    [InlineData("marie@example.eu", "https://example.eu")]
    [InlineData("marie@example.eu", "https://www.example.eu")]
    [InlineData("marie@example.eu", "www.example.eu")]
    [InlineData("marie@mail.example.eu", "https://example.eu")]
    [InlineData("marie@mail.example.eu", "https://www.example.eu/about")]
    [InlineData("marie@example.eu", "https://portal.example.eu")]
    [InlineData("Marie@EXAMPLE.EU", "HTTPS://WWW.Example.EU")]
    [InlineData("marie@example.eu.", "example.eu.")]
    public void Evaluate_SameDomainSubdomainOrWww_RaisesNoMismatch(string workEmail, string website)
    {
        // Arrange
        var application = Application(workEmail: workEmail, website: website);

        // Act
        var flags = PreChecks.Evaluate(application, CleanFacts);

        // Assert
        flags.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("marie@notexample.eu", "https://example.eu")]
    [InlineData("marie@example.eu", "https://myexample.eu")]
    [InlineData("marie@example.eu.attacker.com", "https://example.eu")]
    [InlineData("marie@example.com", "https://example.eu")]
    public void Evaluate_LookalikeDomain_RaisesMismatch(string workEmail, string website)
    {
        // Arrange
        var application = Application(workEmail: workEmail, website: website);

        // Act
        var flags = PreChecks.Evaluate(application, CleanFacts);

        // Assert
        flags.ShouldHaveSingleItem().Kind.ShouldBe(FlagKind.EmailDomainMismatch);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("localhost")]
    [InlineData("https://")]
    public void Evaluate_WebsiteCannotBeParsed_RaisesMismatchSayingItCouldNotBeRead(string website)
    {
        // Arrange
        var application = Application(website: website);

        // Act
        var flags = PreChecks.Evaluate(application, CleanFacts);

        // Assert
        application.WebsiteDomain.ShouldBeNull();
        var flag = flags.ShouldHaveSingleItem();
        flag.Kind.ShouldBe(FlagKind.EmailDomainMismatch);
        flag.Explanation.ShouldContain("could not be read");
        flag.Explanation.ShouldBeOneLine();
    }

    [Theory]
    [InlineData("member-email", "A member account with this email address already exists.")]
    [InlineData("open-application-email", "Another open application uses this email address.")]
    [InlineData("member-domain", "An existing member (Pierre Curie) uses the same organisation domain (example.eu).")]
    [InlineData("open-application-domain", "Another open application comes from the same organisation domain (example.eu).")]
    public void Evaluate_PossibleDuplicate_RaisesDuplicateFlagWithReason(string signal, string explanation)
    {
        // Arrange
        var application = Application();
        var facts = signal switch
        {
            "member-email" => CleanFacts with { ExistingMemberWithEmail = true },
            "open-application-email" => CleanFacts with { OpenApplicationWithEmail = true },
            "member-domain" => CleanFacts with { ExistingMemberWithDomain = "Pierre Curie" },
            _ => CleanFacts with { OpenApplicationWithDomain = true },
        };

        // Act
        var flags = PreChecks.Evaluate(application, facts);

        // Assert
        var flag = flags.ShouldHaveSingleItem();
        flag.Kind.ShouldBe(FlagKind.PossibleDuplicate);
        flag.Explanation.ShouldBe(explanation);
        flag.Explanation.ShouldBeOneLine();
    }

    [Fact]
    public void Evaluate_SeveralDuplicateSignals_RaisesOneDuplicateFlagForTheStrongest()
    {
        // Arrange
        var application = Application();
        var facts = CleanFacts with
        {
            ExistingMemberWithEmail = true,
            OpenApplicationWithEmail = true,
            ExistingMemberWithDomain = "Pierre Curie",
            OpenApplicationWithDomain = true,
        };

        // Act
        var flags = PreChecks.Evaluate(application, facts);

        // Assert
        flags.ShouldHaveSingleItem().Explanation.ShouldBe("A member account with this email address already exists.");
    }

    [Fact]
    public void Evaluate_SponsorNamedButNotActive_RaisesSponsorFlag()
    {
        // Arrange
        var application = Application(sponsorEmail: "sponsor@member.eu");

        // Act
        var flags = PreChecks.Evaluate(application, CleanFacts with { SponsorIsActiveMember = false });

        // Assert
        var flag = flags.ShouldHaveSingleItem();
        flag.Kind.ShouldBe(FlagKind.SponsorNotActiveMember);
        flag.Explanation.ShouldBeOneLine();
    }

    [Fact]
    public void Evaluate_SponsorNamedAndActive_RaisesNoFlag()
    {
        // Arrange
        var application = Application(sponsorEmail: "sponsor@member.eu");

        // Act
        var flags = PreChecks.Evaluate(application, CleanFacts with { SponsorIsActiveMember = true });

        // Assert
        flags.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Evaluate_NoSponsorNamed_RaisesNoSponsorFlag(string? sponsorEmail)
    {
        // Arrange
        var application = Application(sponsorEmail: sponsorEmail);

        // Act
        var flags = PreChecks.Evaluate(application, CleanFacts with { SponsorIsActiveMember = false });

        // Assert
        flags.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("CISO")]
    [InlineData("Group CISO")]
    [InlineData("C.I.S.O.")]
    [InlineData("Chief Information Security Officer")]
    [InlineData("Head of Information Security")]
    [InlineData("Head of Cyber Defence")]
    [InlineData("Director of Cybersecurity")]
    [InlineData("Information Security Officer")]
    [InlineData("RSSI")]
    [InlineData("Leiter Informationssicherheit")]
    [InlineData("VP Security")]
    [InlineData("Chief Security Officer")]
    [InlineData("BISO")]
    [InlineData("chief information security officer")]
    public void Evaluate_LeadershipTitle_RaisesNoTitleFlag(string jobTitle)
    {
        // Arrange
        var application = Application(jobTitle: jobTitle);

        // Act
        var flags = PreChecks.Evaluate(application, CleanFacts);

        // Assert
        flags.ShouldBeEmpty();
        PreChecks.LooksLikeSecurityLeadership(jobTitle).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Software Engineer")]
    [InlineData("Marketing Manager")]
    [InlineData("Security Analyst")]
    [InlineData("IT Support")]
    [InlineData("Student")]
    [InlineData("Consultant")]
    [InlineData("  Consultant  ")]
    [InlineData("-")]
    public void Evaluate_NonLeadershipTitle_RaisesTitleFlagQuotingTheTitle(string jobTitle)
    {
        // Arrange
        var application = Application(jobTitle: jobTitle);

        // Act
        var flags = PreChecks.Evaluate(application, CleanFacts);

        // Assert
        var flag = flags.ShouldHaveSingleItem();
        flag.Kind.ShouldBe(FlagKind.JobTitleNotSecurityLeadership);
        flag.Explanation.ShouldContain($"\"{jobTitle.Trim()}\"");
        flag.Explanation.ShouldBeOneLine();
        PreChecks.LooksLikeSecurityLeadership(jobTitle).ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_LongNonLeadershipTitle_ShortensItInTheExplanation()
    {
        // Arrange
        var jobTitle = "Senior Principal Enterprise Solutions Architect for Cloud Platforms and Data";
        var application = Application(jobTitle: jobTitle);

        // Act
        var flags = PreChecks.Evaluate(application, CleanFacts);

        // Assert
        var explanation = flags.ShouldHaveSingleItem().Explanation;
        explanation.ShouldContain($"\"{jobTitle[..57]}...\"");
        explanation.ShouldNotContain(jobTitle);
    }

    [Fact]
    public void Evaluate_EverySignalAtOnce_RaisesEachFlagOnceAndEachExplainsItselfInOneLine()
    {
        // Arrange
        var application = Application(workEmail: "marie@gmail.com", jobTitle: "Student", sponsorEmail: "sponsor@member.eu");
        var facts = CleanFacts with { CountryEligible = false, CountryName = "Canada", IsFreeMail = true, OpenApplicationWithDomain = true };

        // Act
        var flags = PreChecks.Evaluate(application, facts);

        // Assert
        flags.Select(f => f.Kind).ShouldBe(
        [
            FlagKind.CountryNotEligible,
            FlagKind.FreeMailAddress,
            FlagKind.PossibleDuplicate,
            FlagKind.SponsorNotActiveMember,
            FlagKind.JobTitleNotSecurityLeadership,
        ]);
        flags.ShouldAllBe(f => f.Explanation.Length > 0);
        foreach (var flag in flags)
        {
            flag.Explanation.ShouldBeOneLine();
        }
    }

    [Theory]
    [InlineData("example.eu", "example.eu", true)]
    [InlineData("mail.example.eu", "example.eu", true)]
    [InlineData("example.eu", "portal.example.eu", true)]
    [InlineData("notexample.eu", "example.eu", false)]
    [InlineData("example.eu", "notexample.eu", false)]
    [InlineData("", "example.eu", false)]
    [InlineData("example.eu", null, false)]
    public void DomainsMatch_Pairs_MatchOnlySameDomainOrSubdomain(string emailDomain, string? websiteDomain, bool expected)
    {
        // Arrange
        // Act
        var match = PreChecks.DomainsMatch(emailDomain, websiteDomain);

        // Assert
        match.ShouldBe(expected);
    }

    [Fact]
    public void Describe_EveryFlagKind_HasAShortLabel()
    {
        // Arrange
        var kinds = Enum.GetValues<FlagKind>();

        // Act
        var labels = kinds.Select(k => k.Describe()).ToList();

        // Assert
        labels.ShouldAllBe(label => !string.IsNullOrWhiteSpace(label));
        labels.ShouldBeUnique();
    }

    private static MembershipApplication Application(
        string workEmail = "marie.curie@example.eu",
        string website = "https://www.example.eu",
        string jobTitle = "Chief Information Security Officer",
        string? sponsorEmail = null) =>
        MembershipApplication.Submit(Details(workEmail, website, jobTitle, sponsorEmail), privacyNoticeVersion: 1, SubmittedAt, out _);
}

using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Vetting;

namespace CecPortal.UnitTests.Membership;

/// <summary>Builds applications, and brings them into each status through the public moves only.</summary>
internal static class TestApplications
{
    public static readonly DateTimeOffset SubmittedAt = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The privacy notice version the test applicants accept.</summary>
    public const int NoticeVersion = 1;

    public static readonly Reviewer CountryVetter = new("vetter-country", "Clara Country", CoversCountry: true, CoversSector: false);

    public static readonly Reviewer SecondCountryVetter = new("vetter-country-2", "Carl Country", CoversCountry: true, CoversSector: false);

    public static readonly Reviewer SectorVetter = new("vetter-sector", "Sven Sector", CoversCountry: false, CoversSector: true);

    public static readonly Reviewer Admin = new("admin-1", "Ada Admin", CoversCountry: true, CoversSector: true);

    public static readonly Reviewer SecondAdmin = new("admin-2", "Alan Admin", CoversCountry: true, CoversSector: true);

    public static readonly Reviewer OutOfScopeVetter = new("vetter-other", "Olga Other", CoversCountry: false, CoversSector: false);

    public static ApplicationDetails Details(
        string workEmail = "marie.curie@example.eu",
        string website = "https://www.example.eu",
        string jobTitle = "Chief Information Security Officer",
        string? sponsorEmail = null) => new(
            FullName: "Marie Curie",
            WorkEmail: workEmail,
            JobTitle: jobTitle,
            Organisation: "Example Energy SE",
            OrganisationWebsite: website,
            CountryCode: "DE",
            SectorCode: "energy",
            SectorDescription: null,
            OrganisationSize: OrganisationSize.From1000To4999,
            LinkedInUrl: null,
            Motivation: "I lead security for a grid operator and want to share incident practice.",
            SponsorEmail: sponsorEmail);

    public static MembershipApplication Unverified(out string verificationToken, ApplicationDetails? details = null) =>
        MembershipApplication.Submit(details ?? Details(), NoticeVersion, SubmittedAt, out verificationToken);

    /// <summary>A verified application in the vetting queue.</summary>
    public static MembershipApplication Submitted(ApplicationDetails? details = null)
    {
        var application = Unverified(out var token, details);
        application.Verify(token, [], SubmittedAt.AddHours(1));
        return application;
    }

    public static MembershipApplication InStatus(ApplicationStatus status, out string verificationToken)
    {
        var application = Unverified(out verificationToken);
        if (status == ApplicationStatus.Unverified)
        {
            return application;
        }

        application.Verify(verificationToken, [], SubmittedAt.AddHours(1));
        var at = SubmittedAt.AddDays(1);
        switch (status)
        {
            case ApplicationStatus.Submitted:
                break;
            case ApplicationStatus.InReview:
                application.Review(CountryVetter, ReviewVerdict.Approve, "Known to me from the national CERT.", null, at);
                break;
            case ApplicationStatus.InformationRequested:
                application.RequestInformation(CountryVetter, "Which team do you lead?", at);
                break;
            case ApplicationStatus.Approved:
                application.Review(CountryVetter, ReviewVerdict.Approve, "Known to me from the national CERT.", null, at);
                application.Review(SectorVetter, ReviewVerdict.Approve, "Grid operator, in scope.", null, at.AddHours(1));
                break;
            case ApplicationStatus.Declined:
                application.Review(CountryVetter, ReviewVerdict.Decline, "Runs the IT helpdesk.", DeclineReason.NotSecurityLeadershipRole, at);
                break;
            case ApplicationStatus.Withdrawn:
                application.Withdraw(at);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status.");
        }

        application.Status.ShouldBe(status);
        return application;
    }

    public static void ShouldBeOneLine(this string explanation)
    {
        explanation.ShouldNotBeNullOrWhiteSpace();
        explanation.ShouldNotContain('\n');
        explanation.ShouldNotContain('\r');
    }
}

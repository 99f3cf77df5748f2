namespace CecPortal.Web.Features.Membership.Applications;

/// <summary>What the applicant typed, already validated by the form.</summary>
public sealed record ApplicationDetails(
    string FullName,
    string WorkEmail,
    string JobTitle,
    string Organisation,
    string OrganisationWebsite,
    string CountryCode,
    string SectorCode,
    string? SectorDescription,
    OrganisationSize OrganisationSize,
    string? LinkedInUrl,
    string Motivation,
    string? SponsorEmail);

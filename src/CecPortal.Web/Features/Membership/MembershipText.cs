using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Vetting;

namespace CecPortal.Web.Features.Membership;

public static class MembershipText
{
    public static string Describe(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Unverified => "Waiting for email verification",
        ApplicationStatus.Submitted => "Submitted",
        ApplicationStatus.InReview => "In review",
        ApplicationStatus.InformationRequested => "More information requested",
        ApplicationStatus.Approved => "Approved",
        ApplicationStatus.Declined => "Declined",
        ApplicationStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    /// <summary>Bootstrap badge colours, so that a decided application does not look like an open one.</summary>
    public static string BadgeClass(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Approved => "text-bg-success",
        ApplicationStatus.Declined => "text-bg-danger",
        ApplicationStatus.Withdrawn => "text-bg-secondary",
        ApplicationStatus.InformationRequested => "text-bg-warning",
        _ => "text-bg-primary",
    };

    public static string Describe(this OrganisationSize size) => size switch
    {
        OrganisationSize.Under250 => "Fewer than 250 employees",
        OrganisationSize.From250To999 => "250 – 999 employees",
        OrganisationSize.From1000To4999 => "1,000 – 4,999 employees",
        OrganisationSize.From5000To24999 => "5,000 – 24,999 employees",
        OrganisationSize.Over25000 => "25,000 employees or more",
        _ => size.ToString(),
    };

    /// <summary>The courteous sentence sent to a declined applicant.</summary>
    public static string Describe(this DeclineReason reason) => reason switch
    {
        DeclineReason.NotEligibleCountry => "The community is currently open to organisations in the EU, the EEA, Switzerland and the United Kingdom only.",
        DeclineReason.NotSecurityLeadershipRole => "Membership is reserved for the person who leads information security in their organisation.",
        DeclineReason.IdentityNotVerifiable => "We were not able to verify your role and organisation from the information provided.",
        DeclineReason.OrganisationOutOfScope => "Your organisation is outside the scope the community currently serves.",
        DeclineReason.DuplicateApplication => "Your organisation or address is already represented by a member or another application.",
        _ => "After careful review, the vetting team decided not to admit the application at this time.",
    };
}

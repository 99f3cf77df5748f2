namespace CecPortal.Web.Features.Membership.Applications;

public enum OrganisationSize
{
    Under250 = 1,
    From250To999 = 2,
    From1000To4999 = 3,
    From5000To24999 = 4,
    Over25000 = 5,
}

namespace CecPortal.Web.Features.Membership.Vetting;

public enum ReviewVerdict
{
    Approve = 1,
    Decline = 2,
}

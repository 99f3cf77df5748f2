namespace CecPortal.Web.Features.Membership;

public enum ReviewVerdict
{
    Approve = 1,
    Decline = 2,
}

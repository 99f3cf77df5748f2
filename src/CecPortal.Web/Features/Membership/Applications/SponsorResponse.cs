namespace CecPortal.Web.Features.Membership.Applications;

public enum SponsorResponse
{
    None = 0,
    Pending = 1,
    Endorsed = 2,
    Declined = 3,
}

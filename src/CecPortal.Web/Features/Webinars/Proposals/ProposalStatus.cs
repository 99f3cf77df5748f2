namespace CecPortal.Web.Features.Webinars;

public enum ProposalStatus
{
    Submitted = 0,
    Accepted = 1,
    Declined = 2,
    Withdrawn = 3,
}

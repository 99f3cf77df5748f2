namespace CecPortal.Web.Features.Webinars.Proposals;

public enum ProposalStatus
{
    Submitted = 0,
    Accepted = 1,
    Declined = 2,
    Withdrawn = 3,
}

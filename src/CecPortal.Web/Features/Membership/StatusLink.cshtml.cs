using CecPortal.Web.Features.Account;
using CecPortal.Web.Features.Membership.Applications;
using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Membership;

/// <summary>
/// An applicant asks for a fresh status link. It mails an address, so it shares the password-reset limit per client,
/// and it answers the same whether or not anyone applied with that address.
/// </summary>
[EnableRateLimiting(RateLimiting.PasswordReset)]
public sealed class StatusLinkModel(AfterResponse afterResponse) : EmailLinkRequestModel<ApplicationWorkflow>(afterResponse)
{
    protected override Task SendAsync(ApplicationWorkflow service, string email) => service.ResendStatusLinksAsync(email, CancellationToken.None);
}

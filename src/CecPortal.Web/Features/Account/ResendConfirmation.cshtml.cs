using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Account;

/// <summary>Sends the confirmation link again; it mails an address, so it shares the password-reset limit per client.</summary>
[EnableRateLimiting(RateLimiting.PasswordReset)]
public sealed class ResendConfirmationModel(AfterResponse afterResponse) : EmailLinkRequestModel<AccountEmailRequests>(afterResponse)
{
    protected override Task SendAsync(AccountEmailRequests service, string email) => service.SendEmailConfirmationAsync(email);
}

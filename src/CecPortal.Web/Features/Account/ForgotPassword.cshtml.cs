using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Account;

/// <summary>Sends a password-reset link, so the page cannot be used to discover members.</summary>
[EnableRateLimiting(RateLimiting.PasswordReset)]
public sealed class ForgotPasswordModel(AfterResponse afterResponse) : EmailLinkRequestModel<AccountEmailRequests>(afterResponse)
{
    protected override Task SendAsync(AccountEmailRequests service, string email) => service.SendPasswordResetAsync(email);
}

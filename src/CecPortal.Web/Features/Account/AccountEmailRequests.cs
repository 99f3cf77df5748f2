using CecPortal.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace CecPortal.Web.Features.Account;

/// <summary>
/// Forgot-password and resend-confirmation look the address up and queue their email after the response has been
/// sent, in a scope of their own: the answer, and how long it takes, is the same whether or not the address has an
/// account (no account oracle by timing). The address stays in memory only; if the work fails, the person asks again.
/// </summary>
public sealed partial class AccountEmailRequests(IServiceScopeFactory scopes, ILogger<AccountEmailRequests> logger)
{
    /// <summary>A reset link to a confirmed, not suspended account with this address (suspended members receive no email).</summary>
    public void PasswordResetAfterResponse(HttpResponse response, string email) =>
        AfterResponse(response, async (users, emails) =>
        {
            if (await users.FindByEmailAsync(email) is { IsSuspended: false } user && await users.IsEmailConfirmedAsync(user))
            {
                await emails.QueuePasswordResetAsync(user, CancellationToken.None);
            }
        });

    /// <summary>A confirmation link to an account with this address that is not confirmed yet.</summary>
    public void EmailConfirmationAfterResponse(HttpResponse response, string email) =>
        AfterResponse(response, async (users, emails) =>
        {
            if (await users.FindByEmailAsync(email) is { } user && !await users.IsEmailConfirmedAsync(user))
            {
                await emails.QueueEmailConfirmationAsync(user, CancellationToken.None);
            }
        });

    private void AfterResponse(HttpResponse response, Func<UserManager<PortalUser>, AccountEmails, Task> work)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.OnCompleted(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>(), scope.ServiceProvider.GetRequiredService<AccountEmails>());
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The page has answered already; the address is not logged.
                LogFailed(logger, ex);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An account email (reset or confirmation link) could not be queued after the response; the person can ask again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

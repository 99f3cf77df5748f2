namespace CecPortal.Web.Features.Account;

/// <summary>
/// Forgot-password and resend-confirmation: the lookup and the email, which the pages run after their response
/// (<see cref="Infrastructure.Web.AfterResponse"/>) so that no address can be told apart from another.
/// </summary>
public sealed class AccountEmailRequests(UserManager<PortalUser> users, AccountEmails emails)
{
    /// <summary>A reset link to a confirmed, not suspended account with this address (suspended members receive no email).</summary>
    public async Task SendPasswordResetAsync(string email)
    {
        if (await users.FindByEmailAsync(email) is { IsSuspended: false } user && await users.IsEmailConfirmedAsync(user))
        {
            await emails.QueuePasswordResetAsync(user, CancellationToken.None);
        }
    }

    /// <summary>A confirmation link to an account with this address that is not confirmed yet.</summary>
    public async Task SendEmailConfirmationAsync(string email)
    {
        if (await users.FindByEmailAsync(email) is { } user && !await users.IsEmailConfirmedAsync(user))
        {
            await emails.QueueEmailConfirmationAsync(user, CancellationToken.None);
        }
    }
}

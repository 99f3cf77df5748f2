using CecPortal.Web.Infrastructure.Email;

namespace CecPortal.Web.Features.Account;

/// <summary>
/// Every way a password changes (changed by the holder, reset from an emailed link, first set from the welcome link):
/// the change and a notice to the account's address commit together, the notice queued after the commit. The notice
/// says which account, when, from which address and browser, and what to do if it was not them, so a takeover does not
/// go unnoticed. Identity's audit entry (<see cref="Infrastructure.Audit.AuditedUserManager"/>) joins the same commit.
/// </summary>
public sealed class PasswordChanges(
    AppDbContext db,
    UserManager<PortalUser> users,
    EmailOutbox outbox,
    PortalUrls urls,
    IHttpContextAccessor httpContext,
    TimeProvider clock)
{
    /// <summary>The current password has been checked already (<see cref="AccountSecurityChanges.CheckPasswordAsync"/>).</summary>
    public Task<IdentityResult> ChangeAsync(PortalUser user, string currentPassword, string newPassword) =>
        CommitAsync(user, "changed", () => users.ChangePasswordAsync(user, currentPassword, newPassword));

    public Task<IdentityResult> ResetAsync(PortalUser user, string token, string newPassword) =>
        CommitAsync(user, "reset with a link sent to this address", async () =>
        {
            var result = await users.ResetPasswordAsync(user, token, newPassword);
            if (result.Succeeded)
            {
                // The person proved they hold the address: the lockout a guesser caused ends.
                AccountSecurityChanges.EnsureSucceeded(await users.ResetAccessFailedCountAsync(user));
                AccountSecurityChanges.EnsureSucceeded(await users.SetLockoutEndDateAsync(user, null));
            }

            return result;
        });

    public Task<IdentityResult> SetFirstAsync(PortalUser user, string newPassword) =>
        CommitAsync(user, "set for the first time, with the welcome link sent to this address", () => users.AddPasswordAsync(user, newPassword));

    private async Task<IdentityResult> CommitAsync(PortalUser user, string how, Func<Task<IdentityResult>> change)
    {
        ArgumentNullException.ThrowIfNull(user);
        IdentityResult result;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            result = await change();
            if (!result.Succeeded)
            {
                return result;
            }

            outbox.Add(Notice(user, how));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        return result;
    }

    private EmailMessage Notice(PortalUser user, string how)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var request = httpContext.HttpContext?.Request;
        var address = request?.HttpContext.Connection.RemoteIpAddress is { } ip
            ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
            : "an unknown address";
        var browser = BrowserFamily.Describe(request?.Headers.UserAgent.ToString());
        var when = now.ToString("dddd d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return EmailTemplate.Compose(
            user.Email!,
            "Your CEC Portal password was changed",
            [
                $"Hello {user.FullName},",
                $"The password of your CEC Portal account {user.Email} was {how} on {when} ({now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}).",
                $"The change came from the address {address} using {browser}.",
                "If this was you, there is nothing to do. If it was not you, choose a new password at once with the link below (it sends a reset link to this address), then tell the CEC secretariat: someone else may know your password or read your email.",
            ],
            ("Reset my password", urls.Absolute("/account/forgot-password")));
    }
}

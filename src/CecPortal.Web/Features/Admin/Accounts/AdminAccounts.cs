using CecPortal.Web.Features.Account;
using CecPortal.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.WebUtilities;

namespace CecPortal.Web.Features.Admin.Accounts;

/// <summary>Creates administrator accounts without ever choosing a password for the person.</summary>
public sealed class AdminAccounts(UserManager<PortalUser> users, AppDbContext db, AuditLog audit, PortalUrls urls, TimeProvider clock)
{
    /// <summary>
    /// Creates (or promotes) an administrator with a confirmed email and no password, and returns a one-time
    /// link on which the person sets their own password.
    /// </summary>
    public async Task<string> CreateAdminAsync(string email)
    {
        var user = await users.FindByEmailAsync(email) ?? await CreateWithoutPasswordAsync(email, email);

        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            ThrowIfFailed(await users.AddToRoleAsync(user, Roles.Admin));
            audit.Record(null, SecurityEvents.CommandLine, SecurityEvents.RoleGranted, SecurityEvents.UserSubject(user.Id), Roles.Admin);
            await db.SaveChangesAsync();
        }

        var code = AccountEmails.Encode(await users.GeneratePasswordResetTokenAsync(user));
        return QueryHelpers.AddQueryString(urls.Absolute(AccountEmails.ResetPasswordPath), new Dictionary<string, string?>
        {
            ["email"] = email,
            ["code"] = code,
        });
    }

    /// <summary>
    /// Creates a confirmed account without a password (it cannot sign in until the person chooses one from an emailed
    /// link). Identity's refusals (a taken or invalid address) come back as <see cref="AccountRuleException"/>.
    /// </summary>
    public async Task<PortalUser> CreateWithoutPasswordAsync(string email, string fullName)
    {
        var user = new PortalUser(new ProfileDetails(fullName, null, null, null, null, HiddenFromDirectory: false), clock.GetUtcNow())
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
        };
        var result = await users.CreateAsync(user);
        return result.Succeeded ? user : throw new AccountRuleException(string.Join(' ', result.Errors.Select(e => e.Description)));
    }

    /// <summary>
    /// The path of the one-time welcome link (valid 7 days) on which a new account chooses its first password. The token
    /// is bound to the security stamp: generate it after the account's last stamp change.
    /// </summary>
    public async Task<string> WelcomePathAsync(PortalUser user)
    {
        var token = await users.GenerateUserTokenAsync(user, WelcomeTokenProvider.ProviderName, WelcomeTokenProvider.Purpose);
        return QueryHelpers.AddQueryString("/account/welcome", new Dictionary<string, string?> { ["userId"] = user.Id, ["code"] = AccountEmails.Encode(token) });
    }

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(' ', result.Errors.Select(e => e.Description)));
        }
    }
}

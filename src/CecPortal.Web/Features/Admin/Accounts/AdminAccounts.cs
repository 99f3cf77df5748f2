using CecPortal.Web.Data;
using CecPortal.Web.Features.Account;
using CecPortal.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CecPortal.Web.Features.Admin.Accounts;

/// <summary>Creates administrator accounts without ever choosing a password for the person.</summary>
public sealed class AdminAccounts(UserManager<PortalUser> users, AppDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// Creates (or promotes) an administrator with a confirmed email and no password, and returns a one-time
    /// link on which the person sets their own password.
    /// </summary>
    public async Task<string> CreateAdminAsync(string email, string baseUrl)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = email,
                CreatedAt = clock.GetUtcNow(),
            };
            ThrowIfFailed(await users.CreateAsync(user));
        }

        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            ThrowIfFailed(await users.AddToRoleAsync(user, Roles.Admin));
            audit.Record(null, SecurityEvents.CommandLine, SecurityEvents.RoleGranted, SecurityEvents.UserSubject(user.Id), Roles.Admin);
            await db.SaveChangesAsync();
        }

        var code = AccountEmails.Encode(await users.GeneratePasswordResetTokenAsync(user));
        return QueryHelpers.AddQueryString($"{baseUrl.TrimEnd('/')}/account/reset-password", new Dictionary<string, string?>
        {
            ["email"] = email,
            ["code"] = code,
        });
    }

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(' ', result.Errors.Select(e => e.Description)));
        }
    }
}

using CecPortal.Web.Data;
using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;

namespace CecPortal.Web.Features.Account;

/// <summary>
/// What every change to how an account signs in shares: the current password first (re-authentication, counted towards
/// lockout), then the change, its audit entry and a notice email committed together, so a change the person did not
/// make does not go unnoticed.
/// </summary>
public sealed class AccountSecurityChanges(AppDbContext db, SignInManager<PortalUser> signIn, AuditLog audit, EmailOutbox outbox, PortalUrls urls)
{
    /// <summary>Null when the password is right; otherwise the message for the password field.</summary>
    public async Task<string?> ReauthenticateAsync(PortalUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await signIn.CheckPasswordSignInAsync(user, password ?? string.Empty, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return null;
        }

        await audit.RecordNowAsync(user.Id, user.UserName ?? user.Id, SecurityEvents.ReauthenticationFailed, SecurityEvents.UserSubject(user.Id), result.IsLockedOut ? "Locked out." : "Wrong password.");
        return result.IsLockedOut ? "This account is locked after too many failed attempts. Try again in 15 minutes." : "The password is not correct.";
    }

    /// <summary>The change, its audit entry and the notice email commit together; the email is queued after the commit.</summary>
    public async Task CommitAsync(PortalUser user, string action, string subject, string what, Func<Task> change, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(change);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            audit.Record(user.Id, user.UserName ?? user.Id, action, SecurityEvents.UserSubject(user.Id), note);
            outbox.Add(EmailTemplate.Compose(
                user.Email!,
                subject,
                [
                    $"Hello {user.FullName},",
                    what,
                    "If you did not make this change, reset your password at once and tell the CEC secretariat.",
                ],
                ("Review your sign-in security", urls.Absolute("/account/security"))));
            await change();
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        outbox.EnqueuePending();
    }

    /// <summary>Identity reports a refused write as a result; inside a change that must not half-happen, it is an error.</summary>
    public static void EnsureSucceeded(IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Identity refused the change: {string.Join(' ', result.Errors.Select(e => e.Code))}");
        }
    }
}

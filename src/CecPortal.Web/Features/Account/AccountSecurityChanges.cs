using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Email;

namespace CecPortal.Web.Features.Account;

/// <summary>
/// What every change to how an account signs in shares: the current password first (re-authentication, counted towards
/// lockout), then the change, its audit entry and a notice email committed together, so a change the person did not
/// make does not go unnoticed.
/// </summary>
public sealed class AccountSecurityChanges(AppDbContext db, SignInManager<PortalUser> signIn, AuditLog audit, EmailOutbox outbox, PortalUrls urls)
{
    public const string WrongPasswordMessage = "The password is not correct.";

    public const string LockedOutMessage = "Too many wrong passwords: this account is locked for 15 minutes and you have been signed out. Sign in again later, or reset your password.";

    /// <summary>Null when the password is right; otherwise the message for the password field.</summary>
    public async Task<string?> ReauthenticateAsync(PortalUser user, string? password) =>
        await CheckPasswordAsync(user, password) switch
        {
            Reauthentication.Confirmed => null,
            Reauthentication.LockedOut => LockedOutMessage,
            _ => WrongPasswordMessage,
        };

    /// <summary>
    /// The one check behind every page that asks for the password again (password, email, two-step, passkeys,
    /// erasure): a wrong password counts towards lockout as at sign-in, and the attempt that locks the account, or any
    /// attempt on a locked one, ends the session, as sign-in would refuse it. <paramref name="refusedAction"/> names the
    /// audit entry of a refusal.
    /// </summary>
    public async Task<Reauthentication> CheckPasswordAsync(PortalUser user, string? password, string refusedAction = SecurityEvents.ReauthenticationFailed)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await signIn.CheckPasswordSignInAsync(user, password ?? string.Empty, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return Reauthentication.Confirmed;
        }

        var lockedOut = result.IsLockedOut || await signIn.UserManager.IsLockedOutAsync(user);
        await audit.RecordNowAsync(user.Id, user.UserName ?? user.Id, refusedAction, SecurityEvents.UserSubject(user.Id), lockedOut ? "Locked out; signed out." : "Wrong password.");
        if (!lockedOut)
        {
            return Reauthentication.WrongPassword;
        }

        await signIn.SignOutAsync();
        return Reauthentication.LockedOut;
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

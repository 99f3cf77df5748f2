using CecPortal.Web.Features.Account;
using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Email;
using Microsoft.AspNetCore.WebUtilities;

namespace CecPortal.Web.Features.Profile;

/// <summary>
/// Changing the sign-in email: the person re-enters their password, the new address receives a confirmation link and
/// the old one a notice; until the link is used, the old address stays in force. Confirming changes the email and the
/// user name together and renews the security stamp, so every other session ends.
/// </summary>
public sealed class EmailChange(
    AppDbContext db,
    UserManager<PortalUser> users,
    AccountSecurityChanges securityChanges,
    EmailOutbox outbox,
    AuditLog audit,
    PortalUrls urls,
    TimeProvider clock)
{
    public const string ConfirmPath = "/profile/email/confirm";

    public async Task<EmailChangeRequestResult> RequestAsync(PortalUser user, string newEmail, string password, CancellationToken cancellationToken)
    {
        newEmail = newEmail.Trim();
        if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return EmailChangeRequestResult.SameAddress;
        }

        var allowed = users.Options.User.AllowedUserNameCharacters;
        if (!string.IsNullOrEmpty(allowed) && newEmail.Any(c => !allowed.Contains(c, StringComparison.Ordinal)))
        {
            return EmailChangeRequestResult.UnusableAddress;
        }

        // Re-authentication: a session left open is not enough to take over the account's email.
        switch (await securityChanges.CheckPasswordAsync(user, password, SecurityEvents.EmailChangeRefused))
        {
            case Reauthentication.LockedOut:
                return EmailChangeRequestResult.LockedOut;
            case Reauthentication.WrongPassword:
                return EmailChangeRequestResult.WrongPassword;
        }

        if (await BelongsToAnotherAccountAsync(user.Id, newEmail))
        {
            return EmailChangeRequestResult.AddressTaken;
        }

        var now = clock.GetUtcNow();
        var oldEmail = user.Email!;
        user.RequestEmailChange(newEmail, now);
        var code = AccountEmails.Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        var link = QueryHelpers.AddQueryString(urls.Absolute(ConfirmPath), new Dictionary<string, string?> { ["userId"] = user.Id, ["email"] = newEmail, ["code"] = code });

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        outbox.Add(EmailTemplate.Compose(
            newEmail,
            "Confirm your new sign-in email for the CEC Portal",
            [
                $"Hello {user.FullName},",
                "You asked to use this address to sign in to the CEC Portal. Confirm it with the link below; it works once and expires within a day.",
                "Until you confirm, your current address stays in force. If you did not ask for this, ignore this message.",
            ],
            ("Confirm my new email address", link)));
        outbox.Add(EmailTemplate.Compose(
            oldEmail,
            "Your CEC Portal sign-in email is being changed",
            [
                $"Hello {user.FullName},",
                $"Someone signed in to your CEC Portal account asked on {now:d MMMM yyyy 'at' HH:mm} UTC to change its sign-in email to another address. A confirmation link was sent there; until it is used, this address stays in force.",
                "If it wasn't you, sign in, cancel the pending change on your profile and change your password at once, then tell the CEC secretariat.",
            ],
            ("Open my profile", urls.Absolute("/profile"))));
        audit.Record(user.Id, user.UserName ?? user.Id, SecurityEvents.EmailChangeRequested, SecurityEvents.UserSubject(user.Id));
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            throw new InvalidOperationException("The pending email change could not be saved: " + string.Join(' ', updated.Errors.Select(e => e.Code)));
        }

        await transaction.CommitAsync(cancellationToken);
        return EmailChangeRequestResult.Requested;
    }

    /// <summary>Drops the pending change, so its link stops working; false when there was none.</summary>
    public async Task<bool> CancelAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user?.PendingEmail is null)
        {
            return false;
        }

        user.ClearPendingEmail();
        audit.Record(user.Id, user.UserName ?? user.Id, SecurityEvents.EmailChangeCancelled, SecurityEvents.UserSubject(user.Id));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The account a confirmation link is for, when the link still matches a pending change.</summary>
    public async Task<PortalUser?> FindPendingAsync(string? userId, string? email)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        return user?.PendingEmail is { } pending && string.Equals(pending, email?.Trim(), StringComparison.OrdinalIgnoreCase) ? user : null;
    }

    public async Task<EmailChangeConfirmResult> ConfirmAsync(string? userId, string? email, string? code, CancellationToken cancellationToken)
    {
        var token = AccountEmails.Decode(code);
        var user = await FindPendingAsync(userId, email);
        if (user is null)
        {
            return EmailChangeConfirmResult.NoLongerPending;
        }

        if (token is null)
        {
            return EmailChangeConfirmResult.InvalidLink;
        }

        var newEmail = user.PendingEmail!;
        if (await BelongsToAnotherAccountAsync(user.Id, newEmail))
        {
            user.ClearPendingEmail();
            await users.UpdateAsync(user);
            return EmailChangeConfirmResult.AddressTaken;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await users.ChangeEmailAsync(user, newEmail, token);
        if (!changed.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            return changed.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName") ? EmailChangeConfirmResult.AddressTaken : EmailChangeConfirmResult.InvalidLink;
        }

        // The user name is the sign-in email: both change in the same transaction (this also renews the stamp again).
        user.ClearPendingEmail();

        // The old address's bounces say nothing about the new one: mailings go to it at once.
        user.ForgetAddressProblem(clock.GetUtcNow());
        audit.Record(user.Id, newEmail, SecurityEvents.EmailChanged, SecurityEvents.UserSubject(user.Id));
        var renamed = await users.SetUserNameAsync(user, newEmail);
        if (!renamed.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            return renamed.Errors.Any(e => e.Code == "DuplicateUserName") ? EmailChangeConfirmResult.AddressTaken : EmailChangeConfirmResult.InvalidLink;
        }

        await transaction.CommitAsync(cancellationToken);
        return EmailChangeConfirmResult.Changed;
    }

    private async Task<bool> BelongsToAnotherAccountAsync(string userId, string email)
    {
        var byEmail = await users.FindByEmailAsync(email);
        var byName = await users.FindByNameAsync(email);
        return (byEmail is not null && byEmail.Id != userId) || (byName is not null && byName.Id != userId);
    }
}

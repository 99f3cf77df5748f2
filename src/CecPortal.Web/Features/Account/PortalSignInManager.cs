using CecPortal.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Authentication;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace CecPortal.Web.Features.Account;

/// <summary>
/// Identity's sign-in, plus: a suspended member or an alumni record cannot sign in, and every password sign-in attempt and every
/// sign-out is written to the audit log (never the typed password, never a typed email that matches no account).
/// No account oracle: the password is checked first, whatever the account's state, and an email with no account
/// is checked against a hash of its own; a wrong password answers <see cref="SignInResult.Failed"/> for an unknown,
/// suspended, unconfirmed or locked-out account alike. Only the right password learns why the account cannot sign in.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    AuditLog audit,
    AuditPseudonyms pseudonyms,
    UnknownAccountPassword unknownAccountPassword)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PortalUser user) => !user.IsSuspended && !user.IsErased && !user.IsAlumni && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            unknownAccountPassword.Check(password);
            await audit.RecordNowAsync(null, SecurityEvents.Anonymous, SecurityEvents.SignInFailed, pseudonyms.UnknownAccount(userName), "No account with this sign-in name.");
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    /// <summary>
    /// Identity checks the account's state before the password, so a suspended or locked-out account answered at once
    /// and differently. Here the password comes first: a wrong one is counted towards lockout (unless the account is
    /// locked already) and answers <see cref="SignInResult.Failed"/>, even when it is the attempt that locks the account.
    /// </summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(PortalUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        var right = await UserManager.HasPasswordAsync(user)
            ? await UserManager.CheckPasswordAsync(user, password)
            : unknownAccountPassword.Check(password);
        if (!right)
        {
            if (lockoutOnFailure && UserManager.SupportsUserLockout && !await UserManager.IsLockedOutAsync(user))
            {
                await UserManager.AccessFailedAsync(user);
            }

            return SignInResult.Failed;
        }

        if (await PreSignInCheck(user) is { } refused)
        {
            return refused;
        }

        // As Identity does: with a second step still to come, the failure count is reset only after it.
        if (!await UserManager.GetTwoFactorEnabledAsync(user) || await IsTwoFactorClientRememberedAsync(user))
        {
            await UserManager.ResetAccessFailedCountAsync(user);
        }

        return SignInResult.Success;
    }

    public override async Task<SignInResult> PasswordSignInAsync(PortalUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        var action = result switch
        {
            { Succeeded: true } => SecurityEvents.SignInSucceeded,
            { IsLockedOut: true } => SecurityEvents.SignInLockedOut,
            { IsNotAllowed: true } => SecurityEvents.SignInNotAllowed,
            { RequiresTwoFactor: true } => SecurityEvents.SignInNeedsSecondFactor,
            _ => SecurityEvents.SignInFailed,
        };
        // The page answers every wrong password alike; the staff-only audit log keeps the account's real state.
        var note = action == SecurityEvents.SignInFailed ? WrongPasswordNote(user, await UserManager.IsLockedOutAsync(user)) : null;
        await audit.RecordNowAsync(user.Id, user.UserName ?? user.Id, action, SecurityEvents.UserSubject(user.Id), note);
        return result;
    }

    /// <summary>The second step with a code from the authenticator app (wrong codes count towards lockout in Identity).</summary>
    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        await AuditSecondStepAsync(user, result, "authenticator code");
        return result;
    }

    /// <summary>
    /// The second step with a recovery code. Identity neither checks lockout nor counts wrong recovery codes here;
    /// the portal does both, so guessing recovery codes locks the account like guessing authenticator codes.
    /// </summary>
    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return SignInResult.Failed;
        }

        SignInResult result;
        if (await UserManager.IsLockedOutAsync(user))
        {
            result = SignInResult.LockedOut;
        }
        else
        {
            result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
            if (result.Succeeded)
            {
                await UserManager.ResetAccessFailedCountAsync(user);
            }
            else if (!result.IsLockedOut)
            {
                await UserManager.AccessFailedAsync(user);
                if (await UserManager.IsLockedOutAsync(user))
                {
                    result = SignInResult.LockedOut;
                }
            }
        }

        await AuditSecondStepAsync(user, result, "recovery code");
        return result;
    }

    /// <summary>
    /// Identity's passkey sign-in, written out so that every attempt is audited with its account: the assertion names
    /// the account, then the usual checks (suspension, confirmation, lockout) apply. A user-verified passkey is two
    /// factors in itself, so no code follows it.
    /// </summary>
    public override async Task<SignInResult> PasskeySignInAsync(string credentialJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialJson);
        var assertion = await PerformPasskeyAssertionAsync(credentialJson);
        if (!assertion.Succeeded)
        {
            await audit.RecordNowAsync(null, SecurityEvents.Anonymous, SecurityEvents.SignInFailed, SecurityEvents.UnknownPasskey, "Passkey not recognised or not verified.");
            return SignInResult.Failed;
        }

        var user = assertion.User;
        var result = await PreSignInCheck(user);
        if (result is null)
        {
            // The new signature counter and backup state are kept, as Identity's own passkey sign-in does.
            var updated = await UserManager.AddOrUpdatePasskeyAsync(user, assertion.Passkey);
            result = updated.Succeeded
                ? await SignInOrTwoFactorAsync(user, isPersistent: false, loginProvider: null, bypassTwoFactor: true)
                : SignInResult.Failed;
        }

        var action = result switch
        {
            { Succeeded: true } => SecurityEvents.SignInSucceeded,
            { IsLockedOut: true } => SecurityEvents.SignInLockedOut,
            { IsNotAllowed: true } => SecurityEvents.SignInNotAllowed,
            _ => SecurityEvents.SignInFailed,
        };
        await audit.RecordNowAsync(user.Id, user.UserName ?? user.Id, action, SecurityEvents.UserSubject(user.Id), "Passkey.");
        return result;
    }

    public override async Task SignOutAsync()
    {
        var principal = Context.User;
        var userId = principal.Identity?.IsAuthenticated == true ? UserManager.GetUserId(principal) : null;
        await base.SignOutAsync();
        if (userId is not null)
        {
            await audit.RecordNowAsync(userId, principal.Identity?.Name ?? userId, SecurityEvents.SignedOut, SecurityEvents.UserSubject(userId));
        }
    }

    private static string WrongPasswordNote(PortalUser user, bool lockedOut) =>
        "Wrong password."
        + (lockedOut ? " The account is locked out." : string.Empty)
        + (user.IsSuspended ? " The account is suspended." : string.Empty)
        + (user.IsAlumni ? " The member has left (alumni record)." : string.Empty)
        + (!user.EmailConfirmed ? " The email address is not confirmed." : string.Empty);

    private async Task AuditSecondStepAsync(PortalUser? user, SignInResult result, string method)
    {
        if (user is null)
        {
            return;
        }

        var (action, note) = result switch
        {
            { Succeeded: true } => (SecurityEvents.SignInSucceeded, $"Second step: {method}."),
            { IsLockedOut: true } => (SecurityEvents.SignInLockedOut, $"Second step: {method}."),
            _ => (SecurityEvents.SecondFactorFailed, $"Wrong {method}."),
        };
        await audit.RecordNowAsync(user.Id, user.UserName ?? user.Id, action, SecurityEvents.UserSubject(user.Id), note);
    }
}

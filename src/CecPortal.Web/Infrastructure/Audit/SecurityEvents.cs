namespace CecPortal.Web.Infrastructure.Audit;

/// <summary>Audit actions for security events; subjects are <c>user:{id}</c>, or an unknown-account marker.</summary>
public static class SecurityEvents
{
    public const string SignInSucceeded = "sign-in.success";
    public const string SignInFailed = "sign-in.failure";
    public const string SignInNotAllowed = "sign-in.not-allowed";
    public const string SignInLockedOut = "sign-in.locked-out";
    public const string SignInNeedsSecondFactor = "sign-in.second-factor-required";
    public const string SignedOut = "sign-out";
    public const string RoleGranted = "role.grant";
    public const string RoleRevoked = "role.revoke";
    public const string PasswordChanged = "password.change";
    public const string PasswordReset = "password.reset";
    public const string PasswordSet = "password.set";
    public const string SecondFactorFailed = "sign-in.second-factor.failure";
    public const string ReauthenticationFailed = "reauthentication.failure";
    public const string MfaEnabled = "mfa.enable";
    public const string MfaDisabled = "mfa.disable";
    public const string MfaAuthenticatorReset = "mfa.authenticator-reset";
    public const string MfaRecoveryCodesRegenerated = "mfa.recovery-codes.regenerate";
    public const string PasskeyAdded = "passkey.add";
    public const string PasskeyRenamed = "passkey.rename";
    public const string PasskeyRemoved = "passkey.remove";
    public const string DataExported = "personal-data.export";
    public const string AccountErased = "account.erase";
    public const string EmailChangeRequested = "email.change-request";
    public const string EmailChangeRefused = "email.change-refused";
    public const string EmailChangeCancelled = "email.change-cancel";
    public const string EmailChanged = "email.change";

    /// <summary>What actor name a sign-in by an unknown account gets: nothing the person typed.</summary>
    public const string Anonymous = "Anonymous";

    /// <summary>The actor name of commands run on the server (create-admin).</summary>
    public const string CommandLine = "Command line";

    public static readonly IReadOnlyList<string> All =
        [
            SignInSucceeded, SignInFailed, SignInNotAllowed, SignInLockedOut, SignInNeedsSecondFactor, SignedOut, RoleGranted, RoleRevoked, PasswordChanged, PasswordReset, PasswordSet,
            SecondFactorFailed, ReauthenticationFailed, MfaEnabled, MfaDisabled, MfaAuthenticatorReset, MfaRecoveryCodesRegenerated, PasskeyAdded, PasskeyRenamed, PasskeyRemoved, DataExported, AccountErased,
            EmailChangeRequested, EmailChangeRefused, EmailChangeCancelled, EmailChanged,
        ];

    /// <summary>The subject of a passkey sign-in whose passkey matched no account.</summary>
    public const string UnknownPasskey = "passkey:unknown";

    public static string UserSubject(string userId) => $"user:{userId}";
}

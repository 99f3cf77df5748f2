using CecPortal.Web.Infrastructure.Audit;
using QRCoder;

namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>
/// Two-step sign-in with an authenticator app (TOTP): enrolment, recovery codes, reset and removal. Every change needs
/// the current password (re-authentication, counted towards lockout), is audited in the same transaction and is
/// notified to the person by email, so a change they did not make does not go unnoticed.
/// </summary>
public sealed class TwoFactorSettings(
    UserManager<PortalUser> users,
    IUserStore<PortalUser> store,
    AccountSecurityChanges changes,
    IOptions<StaffMfaOptions> staffMfa)
{
    public const int RecoveryCodeCount = 10;

    public const string Issuer = "CEC Portal";

    public const string PasswordField = "Input.Password";

    public const string CodeField = "Input.Code";

    public async Task<TwoFactorStatus> StatusAsync(PortalUser user)
    {
        var enabled = await users.GetTwoFactorEnabledAsync(user);
        var left = enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        return new TwoFactorStatus(enabled, left, await MustUseTwoFactorAsync(user));
    }

    /// <summary>Staff must keep two-step sign-in while <c>Security:RequireStaffMfa</c> is on.</summary>
    public async Task<bool> MustUseTwoFactorAsync(PortalUser user)
    {
        if (!staffMfa.Value.RequireStaffMfa)
        {
            return false;
        }

        var roles = await users.GetRolesAsync(user);
        return roles.Any(Roles.Staff.Contains);
    }

    /// <summary>
    /// The key to enrol, made on first use. A new key while two-step sign-in is off changes nothing that protects the
    /// account, so it neither needs the password nor renews the security stamp; replacing a key in use does (see
    /// <see cref="ResetAuthenticatorAsync"/>).
    /// </summary>
    public async Task<AuthenticatorEnrolment> EnrolmentAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await ((IUserAuthenticatorKeyStore<PortalUser>)store).SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), CancellationToken.None);
            var updated = await users.UpdateAsync(user);
            AccountSecurityChanges.EnsureSucceeded(updated);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        var account = user.Email ?? user.UserName ?? user.Id;
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits={Totp.Digits}&period={(int)Totp.StepLength.TotalSeconds}";
        return new AuthenticatorEnrolment(key, FormatKey(key), uri, QrCodeDataUri(uri));
    }

    public async Task<TwoFactorChange> EnableAsync(PortalUser user, string password, string code)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return TwoFactorChange.Refused(CodeField, "Two-step sign-in is already on.");
        }

        if (await ReauthenticateAsync(user, password) is { } refused)
        {
            return refused;
        }

        if (Totp.Normalize(code) is not { } digits
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            return TwoFactorChange.Refused(CodeField, "That code is not correct. Check that the app shows the CEC Portal account and type the code it shows now (a code can be used once).");
        }

        IEnumerable<string>? codes = null;
        await ChangeAsync(user, SecurityEvents.MfaEnabled, "Two-step sign-in is on for your CEC Portal account", "Two-step sign-in with an authenticator app was turned on for your account. From now on, signing in asks for a code from the app after your password.", async () =>
        {
            AccountSecurityChanges.EnsureSucceeded(await users.SetTwoFactorEnabledAsync(user, true));
            codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        });
        return TwoFactorChange.Done([.. codes!]);
    }

    public async Task<TwoFactorChange> DisableAsync(PortalUser user, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return TwoFactorChange.Refused(PasswordField, "Two-step sign-in is already off.");
        }

        if (await MustUseTwoFactorAsync(user))
        {
            return TwoFactorChange.Refused(PasswordField, "Staff accounts must keep two-step sign-in. To move to another phone, set up a different authenticator app instead.");
        }

        if (await ReauthenticateAsync(user, password) is { } refused)
        {
            return refused;
        }

        await ChangeAsync(user, SecurityEvents.MfaDisabled, "Two-step sign-in is off for your CEC Portal account", "Two-step sign-in was turned off for your account: signing in now needs only your password. The authenticator app's codes no longer work.", async () =>
        {
            AccountSecurityChanges.EnsureSucceeded(await users.SetTwoFactorEnabledAsync(user, false));

            // A fresh key, so the old app's codes are worthless if two-step sign-in is turned on again.
            AccountSecurityChanges.EnsureSucceeded(await users.ResetAuthenticatorKeyAsync(user));
        });
        return TwoFactorChange.Done();
    }

    /// <summary>Moving to a new app: a new key, and two-step sign-in stays off until a code from the new app confirms it.</summary>
    public async Task<TwoFactorChange> ResetAuthenticatorAsync(PortalUser user, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await ReauthenticateAsync(user, password) is { } refused)
        {
            return refused;
        }

        await ChangeAsync(user, SecurityEvents.MfaAuthenticatorReset, "Your CEC Portal authenticator app was reset", "The authenticator app of your account was reset: codes from the old app no longer work, and two-step sign-in is off until you confirm a code from the new app.", async () =>
        {
            AccountSecurityChanges.EnsureSucceeded(await users.SetTwoFactorEnabledAsync(user, false));
            AccountSecurityChanges.EnsureSucceeded(await users.ResetAuthenticatorKeyAsync(user));
        });
        return TwoFactorChange.Done();
    }

    public async Task<TwoFactorChange> RegenerateRecoveryCodesAsync(PortalUser user, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return TwoFactorChange.Refused(PasswordField, "Recovery codes come with two-step sign-in: turn it on first.");
        }

        if (await ReauthenticateAsync(user, password) is { } refused)
        {
            return refused;
        }

        IEnumerable<string>? codes = null;
        await ChangeAsync(user, SecurityEvents.MfaRecoveryCodesRegenerated, "New recovery codes for your CEC Portal account", "New recovery codes were made for your account; the earlier ones no longer work.", async () =>
            codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount));
        return TwoFactorChange.Done([.. codes!]);
    }

    /// <summary>The current password again, with lockout: a stolen session alone cannot change how the account signs in.</summary>
    private async Task<TwoFactorChange?> ReauthenticateAsync(PortalUser user, string password) =>
        await changes.ReauthenticateAsync(user, password) is { } error ? TwoFactorChange.Refused(PasswordField, error) : null;

    private Task ChangeAsync(PortalUser user, string action, string subject, string what, Func<Task> change) =>
        changes.CommitAsync(user, action, subject, what, change);

    /// <summary>Groups of four, as people copy a key by hand.</summary>
    public static string FormatKey(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4)))));

    private static string QrCodeDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}

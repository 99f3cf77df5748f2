using System.Buffers.Text;
using CecPortal.Web.Infrastructure.Audit;

namespace CecPortal.Web.Features.Account.Passkeys;

/// <summary>
/// A member's passkeys: add one (the password first, then the WebAuthn ceremony that Identity verifies), rename and
/// remove. Adding and removing are audited and notified by email, like every change to how an account signs in.
/// </summary>
public sealed class PasskeySettings(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AccountSecurityChanges changes, AuditLog audit)
{
    public const int MaxPasskeys = 10;

    public const int MaxNameLength = 60;

    public const string NameField = "Input.Name";

    public const string PasswordField = "Input.Password";

    public const string CredentialField = "Input.CredentialJson";

    public async Task<IReadOnlyList<PasskeyView>> ListAsync(PortalUser user)
    {
        var passkeys = await users.GetPasskeysAsync(user);
        return [.. passkeys
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyView(Base64Url.EncodeToString(p.CredentialId), p.Name ?? "Passkey", p.CreatedAt, p.IsBackedUp, p.Transports ?? []))];
    }

    /// <summary>
    /// The first half of adding a passkey: the password, then the options the browser passes to
    /// <c>navigator.credentials.create</c>. Identity keeps the challenge in a short-lived cookie, so the second half
    /// only succeeds after this one, i.e. after the password.
    /// </summary>
    public async Task<PasskeyStep> BeginAddAsync(PortalUser user, string? name, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (CheckName(name) is { } refused)
        {
            return refused;
        }

        if ((await users.GetPasskeysAsync(user)).Count >= MaxPasskeys)
        {
            return PasskeyStep.Refused(NameField, $"You already have {MaxPasskeys} passkeys, the most an account can hold. Remove one you no longer use first.");
        }

        if (await changes.ReauthenticateAsync(user, password) is { } error)
        {
            return PasskeyStep.Refused(PasswordField, error);
        }

        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id,
            Name = user.Email ?? user.UserName ?? user.Id,
            DisplayName = user.FullName,
        });
        return PasskeyStep.Done(options);
    }

    /// <summary>The second half: Identity verifies the browser's answer against the challenge, then the passkey is stored.</summary>
    public async Task<PasskeyStep> CompleteAddAsync(PortalUser user, string? name, string? credentialJson)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (CheckName(name) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(credentialJson))
        {
            return PasskeyStep.Refused(CredentialField, "Your browser did not create a passkey. Use the button again and follow your browser's or device's prompts.");
        }

        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            // No ceremony under way (it expired after five minutes, or the form was sent twice).
            return PasskeyStep.Refused(CredentialField, "This passkey request has expired. Enter your password and add the passkey again.");
        }

        if (!attestation.Succeeded || attestation.UserEntity.Id != user.Id)
        {
            return PasskeyStep.Refused(CredentialField, "The passkey could not be verified, so it was not added. Try again, or use another device or browser.");
        }

        if (await users.FindByPasskeyIdAsync(attestation.Passkey.CredentialId) is not null)
        {
            return PasskeyStep.Refused(CredentialField, "This passkey is already registered.");
        }

        var passkey = attestation.Passkey;
        passkey.Name = name!.Trim();
        await changes.CommitAsync(
            user,
            SecurityEvents.PasskeyAdded,
            "A passkey was added to your CEC Portal account",
            $"A passkey named \"{passkey.Name}\" was added to your account. It can now be used to sign in without your password.",
            async () => AccountSecurityChanges.EnsureSucceeded(await users.AddOrUpdatePasskeyAsync(user, passkey)));
        return PasskeyStep.Done();
    }

    public async Task<PasskeyStep> RenameAsync(PortalUser user, string? id, string? name)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (CheckName(name) is { } refused)
        {
            return refused;
        }

        if (await FindAsync(user, id) is not { } passkey)
        {
            return PasskeyStep.Refused(NameField, "That passkey is no longer on your account.");
        }

        passkey.Name = name!.Trim();

        // The audit entry is saved with the passkey by the same SaveChanges.
        audit.Record(user.Id, user.UserName ?? user.Id, SecurityEvents.PasskeyRenamed, SecurityEvents.UserSubject(user.Id));
        AccountSecurityChanges.EnsureSucceeded(await users.AddOrUpdatePasskeyAsync(user, passkey));
        return PasskeyStep.Done();
    }

    public async Task<PasskeyStep> RemoveAsync(PortalUser user, string? id, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await FindAsync(user, id) is not { } passkey)
        {
            return PasskeyStep.Refused(PasswordField, "That passkey is no longer on your account.");
        }

        if (await changes.ReauthenticateAsync(user, password) is { } error)
        {
            return PasskeyStep.Refused(PasswordField, error);
        }

        await changes.CommitAsync(
            user,
            SecurityEvents.PasskeyRemoved,
            "A passkey was removed from your CEC Portal account",
            $"The passkey named \"{passkey.Name}\" was removed from your account and can no longer be used to sign in.",
            async () => AccountSecurityChanges.EnsureSucceeded(await users.RemovePasskeyAsync(user, passkey.CredentialId)));
        return PasskeyStep.Done();
    }

    private async Task<UserPasskeyInfo?> FindAsync(PortalUser user, string? id)
    {
        if (string.IsNullOrEmpty(id) || !Base64Url.IsValid(id))
        {
            return null;
        }

        return await users.GetPasskeyAsync(user, Base64Url.DecodeFromChars(id));
    }

    private static PasskeyStep? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? PasskeyStep.Refused(NameField, "Give the passkey a name, for example the device it is on.")
        : name.Trim().Length > MaxNameLength ? PasskeyStep.Refused(NameField, $"Keep the name to {MaxNameLength} characters or fewer.")
        : null;

}

using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>The passkeys page under sign-in security, and the passkey button of the sign-in page.</summary>
public sealed class PasskeyPages(IPage page)
{
    public ILocator ManageLink => page.GetByTestId("manage-passkeys");

    public ILocator Name => page.GetByTestId("add-passkey-form").GetByLabel("Name");

    public ILocator CurrentPassword => page.GetByTestId("add-passkey-form").GetByLabel("Current password");

    public ILocator AddButton => page.GetByTestId("add-passkey");

    public ILocator PasskeyNames => page.GetByTestId("passkey-name");

    public ILocator PasswordMessage => page.Locator("[data-passkey-message='Input.Password']");

    public ILocator SignInWithPasskey => page.GetByTestId("passkey-start");

    public ILocator SignInError => page.GetByTestId("passkey-error");

    /// <summary>
    /// Chromium's virtual authenticator (DevTools WebAuthn domain) for this page: a platform authenticator that holds
    /// discoverable credentials and verifies the user, as a laptop's fingerprint reader would, answering without a prompt.
    /// </summary>
    public static async Task<VirtualAuthenticator> AddVirtualAuthenticatorAsync(IPage page)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("WebAuthn.enable");
        var added = await session.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return new VirtualAuthenticator(session, added!.Value.GetProperty("authenticatorId").GetString()!);
    }
}

/// <summary>A virtual authenticator of one page, by its DevTools id.</summary>
public sealed record VirtualAuthenticator(ICDPSession Session, string Id)
{
    /// <summary>Puts a discoverable passkey for <paramref name="rpId"/> into the authenticator, made outside the portal.</summary>
    public async Task AddForeignPasskeyAsync(string rpId)
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        await Session.SendAsync("WebAuthn.addCredential", new Dictionary<string, object>
        {
            ["authenticatorId"] = Id,
            ["credential"] = new Dictionary<string, object>
            {
                ["credentialId"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
                ["isResidentCredential"] = true,
                ["rpId"] = rpId,
                ["privateKey"] = Convert.ToBase64String(key.ExportPkcs8PrivateKey()),
                ["userHandle"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Guid.NewGuid().ToString())),
                ["signCount"] = 0,
            },
        });
    }
}

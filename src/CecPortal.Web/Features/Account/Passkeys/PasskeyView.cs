namespace CecPortal.Web.Features.Account.Passkeys;

/// <summary>One passkey as its owner sees it; <see cref="Id"/> is the credential id, base64url.</summary>
public sealed record PasskeyView(string Id, string Name, DateTimeOffset CreatedAt, bool IsBackedUp, IReadOnlyList<string> Transports);

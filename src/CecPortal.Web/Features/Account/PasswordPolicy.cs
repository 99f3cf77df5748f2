namespace CecPortal.Web.Features.Account;

/// <summary>The password rule (OWASP ASVS 5.0): long enough, not a common password, no composition rules.</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;

    public const int MaximumLength = 128;

    public const int HashIterations = 210_000;

    /// <summary>The hint shown under every new-password field.</summary>
    public const string Hint = "At least 12 characters (up to 128); spaces and any characters are allowed. A passphrase of a few unrelated words works well. Common or leaked passwords are refused.";
}

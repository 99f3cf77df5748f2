namespace CecPortal.Web.Features.Account.BreachedPasswords;

/// <summary>
/// Refuses a new password that appears in a breach corpus (OWASP ASVS 5.0, 6.2.12), when a range API is configured.
/// Fails open: if the API is slow or down, the password is accepted (the common-password check still applies) and one
/// warning is logged, without the password or any part of its hash.
/// </summary>
public sealed partial class BreachedPasswordValidator(
    IOptions<BreachedPasswordOptions> options,
    BreachedPasswordClient client,
    ILogger<BreachedPasswordValidator> logger) : IPasswordValidator<PortalUser>
{
    public const string ErrorCode = "PasswordBreached";

    public const string Message = "This password appears in published data breaches, so attackers try it first. Choose another one, for example a passphrase of a few unrelated words.";

    public async Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        // A common password is refused by CommonPasswordValidator already; no need to ask about it.
        if (!options.Value.IsEnabled || string.IsNullOrEmpty(password) || CommonPasswordValidator.IsCommon(password))
        {
            return IdentityResult.Success;
        }

        try
        {
            return await client.CountAsync(password, CancellationToken.None) > 0
                ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = Message })
                : IdentityResult.Success;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException)
        {
            LogUnavailable(logger, ex is HttpRequestException { StatusCode: { } status } ? $"HTTP {(int)status}" : ex is HttpRequestException ? "no connection" : "timed out");
            return IdentityResult.Success;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Breached-password check unavailable ({Reason}); the new password was accepted without it.")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}

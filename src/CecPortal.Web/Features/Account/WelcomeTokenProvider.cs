using Microsoft.AspNetCore.DataProtection;

namespace CecPortal.Web.Features.Account;

/// <summary>
/// Tokens for the welcome link of a new member: valid 7 days; single use because setting the password
/// changes the security stamp the token is bound to.
/// </summary>
public sealed class WelcomeTokenProvider(IDataProtectionProvider dataProtectionProvider, IOptions<WelcomeTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<PortalUser>> logger)
    : DataProtectorTokenProvider<PortalUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "Welcome";
    public const string Purpose = "SetInitialPassword";
}

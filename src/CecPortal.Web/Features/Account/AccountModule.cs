using CecPortal.Web.Features.Account.TwoFactor;

namespace CecPortal.Web.Features.Account;

public static class AccountModule
{
    /// <summary>Signing in and keeping an account safe: its emails, two-factor settings, password and security changes.</summary>
    public static IServiceCollection AddAccount(this IServiceCollection services) => services
        .AddScoped<AccountEmails>()
        .AddScoped<TwoFactorSettings>()
        .AddScoped<AccountSecurityChanges>()
        .AddScoped<PasswordChanges>()
        .AddScoped<AccountEmailRequests>();
}

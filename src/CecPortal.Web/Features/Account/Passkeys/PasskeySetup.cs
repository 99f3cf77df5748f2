namespace CecPortal.Web.Features.Account.Passkeys;

public static class PasskeySetup
{
    /// <summary>Identity's passkey handler with the portal's domain, origins and a user-verified, discoverable credential.</summary>
    public static IServiceCollection AddPortalPasskeys(this IServiceCollection services)
    {
        services.AddOptions<IdentityPasskeyOptions>().Configure<IConfiguration, IOptions<PortalOrigin>>((options, configuration, portal) =>
        {
            var (domain, origins) = PasskeyOptions.Resolve(configuration, portal.Value.ToUri());
            options.ServerDomain = domain;

            // A PIN or biometric on the device: the passkey alone is then two factors, so no code follows it.
            options.UserVerificationRequirement = "required";

            // Discoverable, so "Sign in with a passkey" needs no email address typed first.
            options.ResidentKeyRequirement = "required";
            options.ValidateOrigin = context => ValueTask.FromResult(
                !context.CrossOrigin && origins.Contains(context.Origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase));
        }).ValidateOnStart();
        services.AddScoped<PasskeySettings>();
        return services;
    }
}

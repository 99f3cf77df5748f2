namespace CecPortal.Web.Features.Profile;

public static class ProfileModule
{
    /// <summary>A member's own profile and the confirmed change of their email address.</summary>
    public static IServiceCollection AddProfile(this IServiceCollection services) => services
        .AddScoped<ProfileEditor>()
        .AddScoped<EmailChange>();
}

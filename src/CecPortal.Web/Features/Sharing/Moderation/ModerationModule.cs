namespace CecPortal.Web.Features.Sharing.Moderation;

public static class ModerationModule
{
    /// <summary>Reports by members, and the moderators' queue and actions.</summary>
    public static IServiceCollection AddSharingModeration(this IServiceCollection services)
    {
        services.AddScoped<MessageReporting>();
        services.AddScoped<MessageModeration>();
        return services;
    }
}

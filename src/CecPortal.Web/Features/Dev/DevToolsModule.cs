using CecPortal.Web.Features.Dev.Mailbox;

namespace CecPortal.Web.Features.Dev;

public static class DevToolsModule
{
    /// <summary>The Development-only tools (their pages answer 404 elsewhere): the mailbox of sent emails.</summary>
    public static IServiceCollection AddDevTools(this IServiceCollection services) => services
        .AddSingleton<DevMailbox>();
}

namespace CecPortal.Web.Features.Home;

public static class HomeModule
{
    /// <summary>The signed-in home: what needs the member (and the staff member) today.</summary>
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddScoped<MemberToday>();
        return services;
    }
}

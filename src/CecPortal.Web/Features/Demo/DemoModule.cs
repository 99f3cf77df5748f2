namespace CecPortal.Web.Features.Demo;

public static class DemoModule
{
    /// <summary>
    /// The demo accounts, and each feature's demo data through them: seeded into an empty database at start-up when
    /// <c>Demo:SeedOnStartup</c> is on (appsettings.Development.json, the docker-compose demo), or by <c>seed-demo</c>.
    /// </summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services) => services
        .AddScoped<DemoSeeder>()
        .AddScoped<IDatabaseStartupStep, DemoSeedOnStartup>();
}

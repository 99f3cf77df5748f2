namespace CecPortal.Web.Features.Demo;

/// <summary>Seeds an empty database with the demo when <c>Demo:SeedOnStartup</c> is on; a database with users is left alone.</summary>
public sealed class DemoSeedOnStartup(DemoSeeder seeder, IConfiguration configuration) : IDatabaseStartupStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Demo:SeedOnStartup", defaultValue: false))
        {
            await seeder.SeedIfEmptyAsync(cancellationToken);
        }
    }
}

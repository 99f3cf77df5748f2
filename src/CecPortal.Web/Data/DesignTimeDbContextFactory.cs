using Microsoft.EntityFrameworkCore.Design;

namespace CecPortal.Web.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the model without running Program (which would start the embedded cluster).
/// <c>dotnet ef database update</c> uses <c>ConnectionStrings__Portal</c> from the environment.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    /// <summary>Identity's store options as the app sets them: Identity reads its schema version (passkeys) from them.</summary>
    private static readonly IServiceProvider IdentityServices = new ServiceCollection()
        .Configure<IdentityOptions>(options => options.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    public AppDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Portal") ?? "Host=127.0.0.1;Database=cecportal";
        return new AppDbContext(StandaloneOptions(connectionString));
    }

    /// <summary>Options for a context made outside the app's container (design time, benchmarks) with the app's model.</summary>
    public static DbContextOptions<AppDbContext> StandaloneOptions(string connectionString) =>
        new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(connectionString)
            .UseApplicationServiceProvider(IdentityServices)
            .Options;
}

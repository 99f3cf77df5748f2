namespace CecPortal.Web.Data;

/// <summary>
/// Work a feature needs done on the database at start-up, once the schema is complete and before anything else
/// starts (Hangfire, the web server): a rewrite of data, or the demo seed. <see cref="DatabaseMigrator"/> runs every
/// registered step in registration order, in one scope. A step must be safe to run on every start.
/// </summary>
public interface IDatabaseStartupStep
{
    Task RunAsync(CancellationToken cancellationToken);
}

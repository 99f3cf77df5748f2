namespace CecPortal.IntegrationTests;

/// <summary>
/// The few test classes that read process-wide state: the portal's meters and activity sources are static, so a
/// <see cref="System.Diagnostics.Metrics.MeterListener"/> or an OTLP exporter sees what every portal in the test
/// process records. xunit runs a collection that disables parallelization on its own, after the parallel ones;
/// every other class runs beside the others (each has its own portal, database, SMTP sink and Hangfire storage).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCollection
{
    public const string Name = "process-wide state";
}

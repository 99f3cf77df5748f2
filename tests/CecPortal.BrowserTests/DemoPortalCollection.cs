namespace CecPortal.BrowserTests;

/// <summary>
/// The tests on the demo portal share it, and run on their own after every other browser test: Hangfire keeps
/// process-wide state (its current storage and job activator), and while a second portal started in the test process,
/// the assembly's portal lost the jobs that send its emails. xunit runs a collection that disables parallelization
/// after all the parallel ones. Issue 20 registers Hangfire per app, which lifts this.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DemoPortalCollection : ICollectionFixture<DemoBrowserPortal>
{
    public const string Name = "demo portal";
}

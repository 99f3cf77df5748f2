namespace CecPortal.BrowserTests;

/// <summary>
/// The tests on the demo portal share one (it takes a while to seed), one class after the other, beside the other
/// browser tests. Two portals in one test process are safe since each registers its own Hangfire storage and job
/// activator (<c>HangfireSetup</c>); before that, the second portal took the first one's jobs.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DemoPortalCollection : ICollectionFixture<DemoBrowserPortal>
{
    public const string Name = "demo portal";
}

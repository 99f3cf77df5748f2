namespace CecPortal.IntegrationTests.Sharing;

/// <summary>A portal whose live streams are swept every second, so a test sees a suspended member's stream close quickly.</summary>
public sealed class LivePortalFixture : PortalFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sharing:LiveSweepInterval"] = "00:00:01" };
}

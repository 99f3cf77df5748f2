namespace CecPortal.IntegrationTests.Membership;

/// <summary>A portal whose public-form limit is out of the way, for classes that post to /apply many times.</summary>
public sealed class GenerousRateLimitPortalFixture : PortalFixture
{
    protected override IReadOnlyDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?>
    {
        ["RateLimits:PublicFormsPerHour"] = "100000",
    };
}

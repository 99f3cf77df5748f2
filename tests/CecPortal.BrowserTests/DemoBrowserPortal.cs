using CecPortal.Web.Features.Membership;
using Microsoft.Extensions.DependencyInjection;

namespace CecPortal.BrowserTests;

/// <summary>
/// A second portal with everything the demo seed shows a newcomer (briefings, webinars, applications in the vetting
/// queue, consultations, the sharing space), for the surveys that look at every page with realistic data. The other
/// browser tests keep the assembly's portal, which starts empty and arranges what each test needs.
/// </summary>
public sealed class DemoBrowserPortal : BrowserPortal
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Demo:SeedBriefings"] = "true",
        ["Demo:SeedWebinars"] = "true",
        ["Demo:SeedConsultations"] = "true",
        ["Demo:SeedSharing"] = "true",
    };

    /// <summary>The demo applications are seeded only into an empty database; the test template already has the accounts.</summary>
    protected override async Task ArrangeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MembershipDemoData>().SeedAsync(CancellationToken.None);
    }
}

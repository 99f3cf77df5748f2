using CecPortal.Testing;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Infrastructure.Markdown;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CecPortal.IntegrationTests.Briefings;

/// <summary>Briefings arranged directly in the database, through the entity's own state changes.</summary>
internal static class BriefingTestKit
{
    private static readonly MarkdownRenderer Renderer = new();

    /// <summary>Today's edition date as the portal computes it (briefing time zone, real clock).</summary>
    public static DateOnly Today(PortalFixture portal) =>
        portal.Factory.Services.GetRequiredService<IOptions<BriefingOptions>>().Value.Today(TimeProvider.System);

    public static async Task<Briefing> AddAsync(
        PortalFixture portal,
        DateOnly date,
        string title,
        string markdown = "A short briefing.",
        BriefingStatus status = BriefingStatus.Sent,
        TlpLabel tlp = TlpLabel.Amber,
        IReadOnlyList<VulnerabilityEntry>? vulnerabilities = null)
    {
        var editorId = await portal.UserIdAsync(PortalFactory.EditorEmail);
        var now = DateTimeOffset.UtcNow;
        var briefing = Briefing.Create(date, new BriefingContent(title, markdown, Renderer.Render(markdown), tlp, vulnerabilities ?? []), editorId, now);
        if (status != BriefingStatus.Draft)
        {
            briefing.Schedule(editorId, now);
        }

        if (status is BriefingStatus.Published or BriefingStatus.Sent)
        {
            briefing.Publish(now);
        }

        if (status == BriefingStatus.Sent)
        {
            briefing.StartSending(now);
            briefing.MarkSent(now);
        }

        await portal.WithDbAsync(async db =>
        {
            db.Briefings.Add(briefing);
            return await db.SaveChangesAsync();
        });
        return briefing;
    }

    public static Task PublishAsync(PortalFixture portal, Guid briefingId) => portal.WithDbAsync(async db =>
    {
        var briefing = await db.Briefings.SingleAsync(b => b.Id == briefingId);
        briefing.Publish(DateTimeOffset.UtcNow);
        return await db.SaveChangesAsync();
    });

    public static VulnerabilityEntry Vulnerability(string cveId, string product, VulnerabilitySeverity severity = VulnerabilitySeverity.High) =>
        new() { CveId = cveId, Product = product, Severity = severity, Summary = $"A flaw in {product}." };
}

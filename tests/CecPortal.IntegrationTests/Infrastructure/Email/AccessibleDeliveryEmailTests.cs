using CecPortal.IntegrationTests.Briefings;
using CecPortal.IntegrationTests.Sharing;
using CecPortal.Testing;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.Features.Sharing.Alerts;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;
using MimeKit;
using Shouldly;
using static CecPortal.IntegrationTests.Briefings.BriefingDeliveryFixture;

namespace CecPortal.IntegrationTests.Infrastructure.Email;

/// <summary>
/// The emails of the delivery ledger (the morning briefing's fan-out and urgent alerts), sent by their real jobs and
/// read from the SMTP sink: they are accessible like every other email (<see cref="AccessibleEmail"/>).
/// </summary>
public sealed class AccessibleDeliveryEmailTests(BriefingDeliveryFixture portal) : IClassFixture<BriefingDeliveryFixture>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await portal.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task MorningFanOut_Briefing_IsAccessible()
    {
        // Arrange
        var briefing = await portal.ScheduleTodaysBriefingAsync("Edge gateway campaign", TlpLabel.Green);

        // Act
        await portal.WithServiceAsync<MorningBriefingJob>(job => job.RunAsync(Token));
        await WaitUntilAsync(async () => (await portal.BriefingAsync(briefing.Id)).Status == BriefingStatus.Sent, "the briefing to be sent");

        // Assert
        var message = portal.MessagesOf(briefing.Id).Single(m => m.Recipients.Single() == PortalFactory.MemberEmail).Message;
        message.HtmlBody!.ShouldContain("data-testid=\"vulnerabilities\"", Case.Sensitive, "the data table is part of what is checked");
        message.ShouldBeAccessible();
    }

    [Theory]
    [InlineData(TlpLabel.Amber)]
    [InlineData(TlpLabel.Red)]
    public async Task RaiseUrgentAlert_FullOrTitleOnly_IsAccessible(TlpLabel tlp)
    {
        // Arrange
        var slug = $"a11y-alert-{tlp.ToString().ToLowerInvariant()}";
        var author = await portal.MemberAsync($"a11y.alert.{tlp.ToString().ToLowerInvariant()}@member.eu");
        var moderatorId = await portal.UserIdAsync(PortalFactory.ModeratorEmail);
        var groupId = await portal.GroupAsync(slug, ChannelKind.WorkingGroup, tlp, author, moderatorId);
        var posted = await portal.StartTopicAsync(author, groupId, "Gateway exploited", "**Exploited** since 06:00, CVE-2026-4242; see https://vendor.example/advisory", tlp);

        // Act
        var alertId = Guid.Empty;
        await portal.WithServiceAsync<UrgentAlerts>(async alerts => alertId = await alerts.RaiseAsync(new Actor(moderatorId, "Moderator"), posted.MessageId, "Gateway exploited in the wild", Token));
        await WaitUntilAsync(() => Task.FromResult(AlertMail(alertId).Count >= 2), "the alert's emails");

        // Assert
        foreach (var message in AlertMail(alertId))
        {
            message.ShouldBeAccessible();
        }
    }

    private List<MimeMessage> AlertMail(Guid alertId) =>
        [.. portal.Sink.Received.Where(m => m.Message.MessageId?.StartsWith($"alert.{alertId:N}.", StringComparison.Ordinal) == true).Select(m => m.Message)];
}

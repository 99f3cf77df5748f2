using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CecPortal.IntegrationTests.Briefings;
using CecPortal.Testing;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.Infrastructure.Observability;
using Shouldly;
using static CecPortal.IntegrationTests.Briefings.BriefingDeliveryFixture;

namespace CecPortal.IntegrationTests.Infrastructure.Operations;

/// <summary>The <c>CecPortal.Email</c> counters, read with a <see cref="MeterListener"/> while the portal sends real mail.</summary>
[Collection(ProcessWideCollection.Name)]
public sealed class EmailMetricsTests(BriefingDeliveryFixture portal) : IClassFixture<BriefingDeliveryFixture>, IAsyncLifetime, IDisposable
{
    private readonly ConcurrentDictionary<(string Name, string? Kind), long> _counts = new();
    private readonly MeterListener _listener = new();

    public async ValueTask InitializeAsync()
    {
        await portal.ResetAsync();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PortalTelemetry.EmailName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? kind = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "kind")
                {
                    kind = tag.Value as string;
                }
            }

            _counts.AddOrUpdate((instrument.Name, kind), value, (_, n) => n + value);
        });
        _listener.Start();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Send_OutboxEmail_IncrementsSentForTransactional()
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        using var reset = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = PortalFactory.MemberEmail });
        await WaitUntilAsync(() => Task.FromResult(Count("cecportal.email.sent", "transactional") >= 1), "the sent counter");

        // Assert
        portal.Sink.AcceptedCount(PortalFactory.MemberEmail).ShouldBe(1);
        Count("cecportal.email.sent", "transactional").ShouldBe(1);
        Count("cecportal.email.failed", "transactional").ShouldBe(0);
    }

    [Fact]
    public async Task Send_SmtpServerRefuses_IncrementsFailedForTransactional()
    {
        // Arrange
        portal.Sink.OnRecipient = _ => SmtpFault.MailboxUnavailable;
        using var client = portal.CreateClient();

        // Act
        using var reset = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = PortalFactory.EditorEmail });
        await WaitUntilAsync(() => Task.FromResult(Count("cecportal.email.failed", "transactional") >= 1), "the failed counter");

        // Assert
        Count("cecportal.email.failed", "transactional").ShouldBe(1);
        Count("cecportal.email.sent", "transactional").ShouldBe(0);
    }

    [Fact]
    public async Task FanOut_OneMailboxRefused_CountsBriefingSentAndFailed()
    {
        // Arrange
        portal.Sink.OnRecipient = recipient => recipient == PortalFactory.MemberEmail ? SmtpFault.MailboxUnavailable : null;
        var members = await portal.ActiveMemberEmailsAsync();
        var briefing = await portal.ScheduleTodaysBriefingAsync("Metrics campaign");

        // Act
        await portal.WithServiceAsync<MorningBriefingJob>(job => job.RunAsync(Token));
        await WaitUntilAsync(async () => (await portal.BriefingAsync(briefing.Id)).Status == BriefingStatus.Sent, "the briefing to be sent");

        // Assert
        Count("cecportal.email.sent", "briefing").ShouldBe(members.Count - 1);
        Count("cecportal.email.failed", "briefing").ShouldBe(1);
    }

    private long Count(string name, string kind) => _counts.GetValueOrDefault((name, kind));
}

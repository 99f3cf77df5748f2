using System.Collections.Concurrent;
using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Infrastructure.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Infrastructure.Operations;

/// <summary>A real OTLP/HTTP receiver on loopback: what arrives at <c>/v1/traces</c> and <c>/v1/metrics</c>, raw.</summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, byte[] Body)> Requests { get; } = new();

    public string Endpoint { get; private set; } = string.Empty;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        foreach (var path in new[] { "/v1/traces", "/v1/metrics", "/v1/logs" })
        {
            app.MapPost(path, async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                receiver.Requests.Enqueue((request.Path.Value!, body.ToArray()));
                return Results.Bytes([], "application/x-protobuf");
            });
        }

        await app.StartAsync();
        receiver.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return receiver;
    }

    public bool Received(string path, string text) =>
        Requests.Any(r => r.Path == path && r.Body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>With <c>Telemetry__OtlpEndpoint</c> set, the portal's traces and metrics reach an OTLP collector.</summary>
[Collection(ProcessWideCollection.Name)]
public sealed class TelemetryExportTests : IAsyncLifetime
{
    private OtlpReceiver _receiver = null!;
    private PortalFactory _portal = null!;
    private SmtpSink _smtp = null!;

    public async ValueTask InitializeAsync()
    {
        _receiver = await OtlpReceiver.StartAsync();
        _smtp = new SmtpSink();
        _portal = new PortalFactory(await TestPostgres.CreateDatabaseAsync("otlp"), _smtp.Port, new Dictionary<string, string?>
        {
            [TelemetrySetup.EndpointSetting] = _receiver.Endpoint,
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });
    }

    [Fact]
    public async Task Export_WithEndpointConfigured_SendsTracesAndMetricsNamingThePortal()
    {
        // Arrange
        using var client = _portal.CreateClient();

        // Act: a page, and an email through the outbox and a Hangfire job.
        (await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var reset = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = PortalFactory.MemberEmail });
        await _smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == PortalFactory.MemberEmail));

        // Each signal is exported on its own schedule (the job's duration is recorded after its email was sent, so a
        // metrics export can fall between them): wait until every expected one has arrived, then name what is missing.
        (string Path, string Text)[] expected =
        [
            ("/v1/traces", "email send"),
            ("/v1/traces", PortalTelemetry.ServiceName),
            ("/v1/traces", "job DeliverEmailJob.RunAsync"),
            ("/v1/traces", "forgot-password"),
            ("/v1/metrics", PortalTelemetry.ServiceName),
            ("/v1/metrics", "cecportal.email.sent"),
            ("/v1/metrics", "cecportal.email.outbox.oldest_age"),
            ("/v1/metrics", "cecportal.jobs.queue.oldest_age"),
            ("/v1/metrics", "cecportal.jobs.duration"),
            ("/v1/metrics", "http.server.request.duration"),
        ];
        string[] Missing() => [.. expected.Where(e => !_receiver.Received(e.Path, e.Text)).Select(e => $"{e.Text} at {e.Path}")];
        await Briefings.BriefingDeliveryFixture.WaitUntilAsync(
            () => Task.FromResult(Missing().Length == 0), "the portal's spans and metrics at the collector",
            describe: () => Task.FromResult("Missing: " + string.Join(", ", Missing())));

        // Assert
        Missing().ShouldBeEmpty();
        _receiver.Received("/v1/traces", PortalFactory.MemberEmail).ShouldBeFalse("no address in a span");
    }

    [Fact]
    public async Task Export_SecretBearingAddresses_SendsSpansWithoutTheSecrets()
    {
        // Arrange: every kind of address that carries a secret, in its path or its query string.
        using var client = _portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var secrets = Enumerable.Range(0, 9).Select(i => $"s3cret{i}{Guid.NewGuid():N}").ToArray();
        var paths = new[]
        {
            $"/briefings/feed/{secrets[0]}",
            $"/webinars/calendar/{secrets[1]}.ics",
            $"/unsubscribe/{secrets[2]}",
            $"/apply/status/{Guid.NewGuid()}?t={secrets[3]}",
            $"/apply/sponsor/{Guid.NewGuid()}?t={secrets[4]}",
            $"/apply/verify/{Guid.NewGuid()}?t={secrets[5]}",
            $"/account/reset-password?email={secrets[6]}%40example.org&code={secrets[6]}",
            $"/account/welcome?userId={secrets[7]}&code={secrets[7]}",
            $"/profile/email/confirm?userId=u&email=e%40example.org&code={secrets[8]}",
        };

        // Act
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        }

        await Briefings.BriefingDeliveryFixture.WaitUntilAsync(
            () => Task.FromResult(_receiver.Received("/v1/traces", "/profile/email/confirm") && _receiver.Received("/v1/traces", "/briefings/feed/")),
            "the request spans at the collector");

        // Assert
        foreach (var secret in secrets)
        {
            _receiver.Received("/v1/traces", secret).ShouldBeFalse($"{secret} in an exported span");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _smtp.DisposeAsync();
        await _receiver.DisposeAsync();
    }
}

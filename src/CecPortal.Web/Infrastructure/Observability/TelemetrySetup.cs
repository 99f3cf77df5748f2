using Hangfire;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CecPortal.Web.Infrastructure.Observability;

public static class TelemetrySetup
{
    /// <summary>The portal's own setting for the collector's base address (OTLP over HTTP/protobuf).</summary>
    public const string EndpointSetting = "Telemetry:OtlpEndpoint";

    /// <summary>
    /// Traces and metrics of ASP.NET Core, EF Core, Npgsql (metrics), Hangfire jobs and email sending, plus the queue
    /// age gauges; collected and exported over OTLP only when <c>Telemetry__OtlpEndpoint</c> or the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Without either, nothing is collected and nothing leaves the process
    /// (the portal's own instruments still exist, for a <see cref="System.Diagnostics.Metrics.MeterListener"/>).
    /// </summary>
    public static IServiceCollection AddPortalTelemetry(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddSingleton(provider => new QueueAges(connectionString, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<QueueAges>>()));

        // A hosted service only so that its gauges exist from start-up.
        services.AddHostedService(provider => provider.GetRequiredService<QueueAges>());
        // Hangfire's filters are process-wide; one is enough however many hosts a process builds, even at once.
        lock (GlobalJobFilters.Filters)
        {
            if (!GlobalJobFilters.Filters.Any(f => f.Instance is JobTelemetryFilter))
            {
                GlobalJobFilters.Filters.Add(new JobTelemetryFilter());
            }
        }

        // Without a collector nothing would leave the process, so nothing is collected either: an activity or a
        // measurement that no exporter reads still costs every request its allocations (the HTTP benchmark showed it).
        var endpoint = configuration[EndpointSetting];
        var standardEndpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint) && string.IsNullOrWhiteSpace(standardEndpoint))
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                configuration["OTEL_SERVICE_NAME"] ?? PortalTelemetry.ServiceName,
                serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.Filter = context =>
                        !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/_content");

                    // Tokens travel in paths (feed, calendar, unsubscribe, applicant links) and query strings (password,
                    // welcome and email-change codes, addresses): a collector is no place for them. The route template
                    // and the span's name still say which page it was.
                    options.EnrichWithHttpRequest = (activity, request) =>
                    {
                        activity.SetTag("url.path", SecretPaths.Redact(request.Path));
                        activity.SetTag("url.query", null);
                    };
                })

                // Database spans from Npgsql itself, under EF Core and Hangfire alike: the statement text without
                // parameter values. (EF Core's own instrumentation read the provider name by reflection on every
                // command, a tenth of a briefing page's time under load.)
                .AddNpgsql()
                .AddSource(PortalTelemetry.EmailName, PortalTelemetry.JobsName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(PortalTelemetry.EmailName, PortalTelemetry.JobsName, PortalTelemetry.QueuesName));

        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            telemetry.UseOtlpExporter(OtlpExportProtocol.HttpProtobuf, new Uri(endpoint));
        }
        else
        {
            // The standard variables (protocol, headers, intervals) are read by the SDK itself.
            telemetry.UseOtlpExporter();
        }

        return services;
    }
}

using CecPortal.Web.Infrastructure.Jobs;
using CecPortal.Web.Infrastructure.LocalPostgres;
using Microsoft.Extensions.Logging.Console;

namespace CecPortal.Web.Infrastructure.Operations;

public static class OperationsSetup
{
    /// <summary>
    /// What an operator relies on: settings checked at start-up, JSON logs outside Development and a configurable
    /// stop budget shared by Kestrel and Hangfire.
    /// </summary>
    public static WebApplicationBuilder AddPortalOperations(this WebApplicationBuilder builder)
    {
        builder.AddPortalLogging();
        var services = builder.Services;
        services.AddOptions<KeySettings>().Configure<IConfiguration>(KeySettings.Read).ValidateSettings("Privacy");
        services.AddOptions<JobsOptions>().BindSettings(JobsOptions.Section);
        services.AddOptions<ShutdownOptions>().BindSettings(ShutdownOptions.Section);
        services.AddOptions<HostOptions>().Configure<IConfiguration>(ShutdownOptions.ApplyTo);
        return builder;
    }

    /// <summary>
    /// Checks every setting registered with <c>ValidateOnStart</c> now, before anything starts (the host would
    /// otherwise build some services first and log a failure with a stack trace); throws the failures together.
    /// </summary>
    public static async Task ValidatePortalSettingsAsync(this WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch
        {
            // The embedded Development cluster is already running; it must not outlive a portal that never started.
            await (app.Services.GetService<LocalPostgresCluster>()?.StopAsync() ?? Task.CompletedTask);
            throw;
        }
    }

    /// <summary>
    /// One JSON object per line on the console outside Development (UTC timestamps, scopes such as the trace id
    /// included), the readable single-line text in Development; <c>Logging__Console__FormatterName</c> (<c>json</c>,
    /// <c>simple</c>, <c>systemd</c>) overrides either.
    /// </summary>
    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Logging:Console:FormatterName"];
        var formatter = string.IsNullOrWhiteSpace(configured)
            ? builder.Environment.IsDevelopment() ? ConsoleFormatterNames.Simple : ConsoleFormatterNames.Json
            : configured;
        builder.Logging.AddConsole(options => options.FormatterName = formatter);
        builder.Logging.AddJsonConsole(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            options.IncludeScopes = true;
            options.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
        });
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.UseUtcTimestamp = true;
        });
    }
}

using CecPortal.Web.Features;
using CecPortal.Web.Features.Account;
using CecPortal.Web.Features.Account.TwoFactor;
using CecPortal.Web.Features.Admin;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Demo;
using CecPortal.Web.Features.Dev;
using CecPortal.Web.Features.Membership;
using CecPortal.Web.Features.PersonalData;
using CecPortal.Web.Features.Privacy;
using CecPortal.Web.Features.Profile;
using CecPortal.Web.Features.Sharing;
using CecPortal.Web.Features.Sharing.Live;
using CecPortal.Web.Features.Webinars;
using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.Infrastructure.Jobs;
using CecPortal.Web.Infrastructure.LocalPostgres;
using CecPortal.Web.Infrastructure.Observability;
using CecPortal.Web.Infrastructure.Operations;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Logging.KeepSecretUrlsOutOfLogs();
    builder.AddPortalOperations();

    // Database first: its migrator and the embedded cluster's lifetime run before anything that uses it.
    var connectionString = await builder.AddPortalDatabaseAsync();
    builder.Services.AddPortalJobs(builder.Configuration, connectionString);
    builder.Services.AddPortalTelemetry(builder.Configuration, connectionString);
    builder.Services.AddPortalOrigin();
    builder.Services.AddPortalForwardedHeaders();
    builder.Services.AddPortalIdentity(builder.Configuration);
    builder.Services.AddPortalEmail(builder.Configuration, builder.Environment);
    builder.Services.AddPortalWeb();
    builder.Services.AddPortalRateLimiting();
    builder.Services.AddPortalPages();

    // Features: one module each, with its services, settings, demo data and recurring jobs.
    builder.Services
        .AddAccount()
        .AddAdministration()
        .AddBriefings()
        .AddDemoData()
        .AddDevTools()
        .AddMembership()
        .AddPersonalData()
        .AddPrivacy()
        .AddProfile()
        .AddSharing()
        .AddWebinars();

    var app = builder.Build();
    await app.ValidatePortalSettingsAsync();

    if (PortalCommands.IsCommand(args))
    {
        var exitCode = await PortalCommands.RunAsync(app, args);
        await (app.Services.GetService<LocalPostgresCluster>()?.StopAsync() ?? Task.CompletedTask);
        return exitCode;
    }

    // First: everything after it (HSTS, secure cookies, rate limits, the audit log) sees the client's address and
    // scheme as reported by a trusted proxy, and only by one.
    app.UseForwardedHeaders();
    if (!app.Environment.IsDevelopment())
    {
        app.UseExceptionHandler("/error");
        app.UseHsts();
    }

    app.UseStatusCodePagesWithReExecute("/error/{0}");
    app.UseDatabaseOutagePage();
    app.UseSecurityHeaders();
    app.UseRouting();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UsePrivacyConsentGate();
    app.UseStaffMfaForJobsDashboard();
    app.UseRateLimiter();

    app.MapStaticAssets().AllowAnonymous();
    app.MapRazorPages().WithStaticAssets();
    app.MapSharingLive();
    app.MapPortalHealthChecks();
    app.MapPortalJobsDashboard();
    app.UsePortalRecurringJobs();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } problems)
{
    // One clear sentence per problem instead of a stack trace: each says what to install or configure.
    foreach (var problem in problems)
    {
        await Console.Error.WriteLineAsync(problem);
    }

    return 1;
}

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

using CecPortal.Web;
using CecPortal.Web.Features;
using CecPortal.Web.Features.Account;
using CecPortal.Web.Features.Admin;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Features.Deliverability;
using CecPortal.Web.Features.Demo;
using CecPortal.Web.Features.Dev;
using CecPortal.Web.Features.Home;
using CecPortal.Web.Features.Membership;
using CecPortal.Web.Features.PersonalData;
using CecPortal.Web.Features.Privacy;
using CecPortal.Web.Features.Profile;
using CecPortal.Web.Features.Sharing;
using CecPortal.Web.Features.Unsubscribe;
using CecPortal.Web.Features.Webinars;
using CecPortal.Web.Infrastructure.Jobs;
using CecPortal.Web.Infrastructure.LocalPostgres;
using CecPortal.Web.Infrastructure.Operations;

try
{
    var builder = WebApplication.CreateBuilder(args);

    // Logging, database, jobs, telemetry, origin, proxies, identity, email, web, rate limits, pages (PortalPlatform.cs).
    await builder.AddPortalPlatformAsync();

    // Features: one module each, with its services, settings, demo data and recurring jobs.
    builder.Services
        .AddAccount()
        .AddAdministration()
        .AddBriefings()
        .AddConsultations()
        .AddDeliverability()
        .AddDemoData()
        .AddDevTools()
        .AddHome()
        .AddMembership()
        .AddPersonalData()
        .AddPrivacy()
        .AddProfile()
        .AddSharing()
        .AddUnsubscribe()
        .AddWebinars();

    var app = builder.Build();
    await app.ValidatePortalSettingsAsync();

    if (PortalCommands.IsCommand(args))
    {
        var exitCode = await PortalCommands.RunAsync(app, args);
        await (app.Services.GetService<LocalPostgresCluster>()?.StopAsync() ?? Task.CompletedTask);
        return exitCode;
    }

    // The middleware in order, then the endpoints (PortalPipeline.cs).
    app.UsePortalPipeline();
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

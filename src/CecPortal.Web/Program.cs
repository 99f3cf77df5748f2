using CecPortal.Web.Data;
using CecPortal.Web.Features.Account;
using CecPortal.Web.Features.Account.TwoFactor;
using CecPortal.Web.Features.Admin.Accounts;
using CecPortal.Web.Features.Admin.Breach;
using CecPortal.Web.Features.Admin.Countries;
using CecPortal.Web.Features.Admin.Dashboard;
using CecPortal.Web.Features.Admin.Members;
using CecPortal.Web.Features.Admin.ReferenceData;
using CecPortal.Web.Features.Admin.Staff;
using CecPortal.Web.Features.Admin.Vetters;
using CecPortal.Web.Features.Admin.Vetting;
using CecPortal.Web.Features.Admin.Webinars;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.Features.Dev;
using CecPortal.Web.Features.Dev.Mailbox;
using CecPortal.Web.Features.Membership;
using CecPortal.Web.Features.PersonalData;
using CecPortal.Web.Features.Privacy;
using CecPortal.Web.Features.Profile;
using CecPortal.Web.Features.Webinars;
using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Commands;
using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.Infrastructure.Health;
using CecPortal.Web.Infrastructure.Jobs;
using CecPortal.Web.Infrastructure.LocalPostgres;
using CecPortal.Web.Infrastructure.Markdown;
using CecPortal.Web.Infrastructure.Observability;
using CecPortal.Web.Infrastructure.Operations;
using CecPortal.Web.Infrastructure.Web;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

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
    // Replaces Identity's UserManager so that password changes are audited (the last registration wins).
    builder.Services.AddScoped<Microsoft.AspNetCore.Identity.UserManager<PortalUser>, AuditedUserManager>();
    builder.Services.AddPortalEmail(builder.Configuration, builder.Environment);
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddHttpContextAccessor();
    builder.Services.AddMemoryCache();
    builder.Services.AddPortalRateLimiting();
    builder.Services.AddHsts(options =>
    {
        options.MaxAge = TimeSpan.FromDays(365);
        options.IncludeSubDomains = true;
    });

    builder.Services.AddRazorPages(options =>
    {
        options.RootDirectory = "/Features";
        options.Conventions.AuthorizeFolder("/Admin", Policies.Staff);
        options.Conventions.AuthorizeFolder("/Admin/Vetting", Policies.Vetting);
        options.Conventions.AuthorizeFolder("/Admin/Briefings", Policies.Editorial);
        options.Conventions.AuthorizeFolder("/Admin/Webinars", Policies.Editorial);
        options.Conventions.AuthorizeFolder("/Admin/Audit", Policies.Admin);
        options.Conventions.AddFolderApplicationModelConvention("/Admin", model => model.Filters.Add(new StaffMfaPageFilter()));
        options.Conventions.AddFolderApplicationModelConvention("/Dev", model => model.Filters.Add(new DevelopmentOnlyFilter()));
    });
    builder.Services.AddRouting(options => options.LowercaseUrls = true);
    builder.Services.AddHealthChecks()
        .AddDbContextCheck<AppDbContext>("database", tags: ["ready"])
        .AddCheck<MigrationsAppliedHealthCheck>("migrations", tags: ["ready"]);

    // Feature services
    builder.Services.AddScoped<DemoSeeder>();
    builder.Services.AddScoped<AdminAccounts>();
    builder.Services.AddScoped<AccountEmails>();
    builder.Services.AddScoped<TwoFactorSettings>();
    builder.Services.AddScoped<AccountSecurityChanges>();
    builder.Services.AddScoped<PasswordChanges>();
    builder.Services.AddScoped<AccountEmailRequests>();
    builder.Services.AddSingleton<AfterResponse>();
    builder.Services.AddSingleton<DevMailbox>();
    builder.Services.AddScoped<AuditLog>();
    builder.Services.AddSingleton<AuditPseudonyms>();
    builder.Services.AddScoped<ApplicationWorkflow>();
    builder.Services.AddScoped<VettingScopes>();
    builder.Services.AddScoped<VettingQueue>();
    builder.Services.AddScoped<MembershipDemoData>();
    builder.Services.AddScoped<CountryAdministration>();
    builder.Services.AddScoped<VetterScopeAdministration>();
    builder.Services.AddScoped<MemberAdministration>();
    builder.Services.AddPeopleAdministration();
    builder.Services.AddScoped<ReferenceDataAdministration>();
    builder.Services.AddSingleton<MarkdownRenderer>();
    builder.Services.AddScoped<BriefingEditor>();
    builder.Services.AddScoped<BriefingReader>();
    builder.Services.AddScoped<BriefingSubscription>();
    builder.Services.AddScoped<BriefingFeed>();
    builder.Services.AddScoped<BriefingDemoData>();
    builder.Services.AddOptions<BriefingOptions>().BindSettings(BriefingOptions.Section);
    builder.Services.AddBriefingDelivery();
    builder.Services.AddScoped<WebinarPlanner>();
    builder.Services.AddScoped<TopUpWebinarSessionsJob>();
    builder.Services.AddOptions<WebinarOptions>().BindSettings(WebinarOptions.Section);
    builder.Services.AddSingleton(WebinarOptions.CreateCalendar);
    builder.Services.AddScoped<WebinarMail>();
    builder.Services.AddScoped<WebinarReminders>();
    builder.Services.AddScoped<WebinarAttendance>();
    builder.Services.AddScoped<WebinarSessionChanges>();
    builder.Services.AddScoped<WebinarSchedule>();
    builder.Services.AddScoped<CalendarSubscription>();
    builder.Services.AddScoped<CallForSpeakers>();
    builder.Services.AddScoped<TimeZoneSetting>();
    builder.Services.AddScoped<WebinarAdministration>();
    builder.Services.AddScoped<WebinarDemoData>();
    builder.Services.AddScoped<PersonalDataExport>();
    builder.Services.AddScoped<AccountErasure>();
    builder.Services.AddScoped<EmailBlocklist>();
    builder.Services.AddScoped<WebinarAnnouncements>();
    builder.Services.AddScoped<ProfileEditor>();
    builder.Services.AddScoped<EmailChange>();
    builder.Services.AddOptions<RetentionOptions>().BindSettings(RetentionOptions.Section);
    builder.Services.AddOptions<MembershipOptions>().BindSettings(MembershipOptions.Section);
    builder.Services.AddScoped<RetentionJobs>();
    builder.Services.AddScoped<PrivacyConsent>();
    builder.Services.AddScoped<BreachNotices>();
    builder.Services.AddScoped<StaffDashboard>();

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
    app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
    app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
    app.MapPortalJobsDashboard();
    app.Lifetime.ApplicationStarted.Register(() => HangfireSetup.RegisterRecurringJobs(
        app.Services.GetRequiredService<IRecurringJobManager>(),
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BriefingOptions>>().Value,
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<JobsOptions>>().Value));

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

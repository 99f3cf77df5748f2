using CecPortal.Web.Features.Admin.Accounts;
using CecPortal.Web.Features.Admin.Breach;
using CecPortal.Web.Features.Admin.Countries;
using CecPortal.Web.Features.Admin.Dashboard;
using CecPortal.Web.Features.Admin.Members;
using CecPortal.Web.Features.Admin.ReferenceData;
using CecPortal.Web.Features.Admin.Sharing;
using CecPortal.Web.Features.Admin.Staff;
using CecPortal.Web.Features.Admin.Vetters;
using CecPortal.Web.Features.Admin.Vetting;
using CecPortal.Web.Features.Admin.Webinars;
using CecPortal.Web.Infrastructure.Jobs;
using Hangfire;

namespace CecPortal.Web.Features.Admin;

public static class AdministrationModule
{
    /// <summary>The staff area: accounts, members and staff, vetting, reference data, webinars, the sharing space's channels, breach notices and the dashboard.</summary>
    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddScoped<AdminAccounts>();
        services.AddScoped<VettingQueue>();
        services.AddScoped<CountryAdministration>();
        services.AddScoped<VetterScopeAdministration>();
        services.AddScoped<MemberAdministration>();
        services.AddPeopleAdministration();
        services.AddScoped<ReferenceDataAdministration>();
        services.AddScoped<WebinarAdministration>();
        services.AddSharingAdministration();
        services.AddScoped<BreachNotices>();
        services.AddScoped<StaffDashboard>();
        services.AddRecurringJobs((recurring, _) => recurring.AddOrUpdate<BreachNoticeSweepJob>(
            BreachNoticeSweepJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), "*/10 * * * *"));
        return services;
    }
}

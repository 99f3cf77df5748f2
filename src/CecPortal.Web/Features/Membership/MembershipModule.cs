using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Attestation;
using CecPortal.Web.Features.Membership.ProfileChanges;
using CecPortal.Web.Features.Membership.Vetting;
using CecPortal.Web.Infrastructure.Jobs;
using CecPortal.Web.Infrastructure.Operations;
using Hangfire;

namespace CecPortal.Web.Features.Membership;

public static class MembershipModule
{
    /// <summary>Applying for membership, vetting the applications and members' changes of organisation, country or sector, with the hourly expiry of unverified ones.</summary>
    public static IServiceCollection AddMembership(this IServiceCollection services)
    {
        services.AddScoped<ApplicationWorkflow>();
        services.AddScoped<VettingScopes>();
        services.AddScoped<ProfileChangeReviews>();
        services.AddScoped<MembershipDemoData>();
        services.AddOptions<MembershipOptions>().BindSettings(MembershipOptions.Section);
        services.AddRecurringJobs((recurring, _) => recurring.AddOrUpdate<ExpireUnverifiedApplicationsJob>(
            ExpireUnverifiedApplicationsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), "17 * * * *"));
        services.AddMembershipAttestation();
        return services;
    }

    /// <summary>
    /// The yearly confirmation of the member's role and its daily job; the member's standing in the session's claims
    /// (registered after Identity's, so these win), and the redirect of a lapsed member to the confirmation page.
    /// </summary>
    private static IServiceCollection AddMembershipAttestation(this IServiceCollection services)
    {
        services.AddScoped<MembershipAttestation>();
        services.AddScoped<AttestationDemoData>();
        services.AddScoped<IUserClaimsPrincipalFactory<PortalUser>, MembershipClaimsPrincipalFactory>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, LapsedMemberRedirect>();
        services.AddRecurringJobs((recurring, _) => recurring.AddOrUpdate<MembershipAttestationJob>(
            MembershipAttestationJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), MembershipAttestationJob.Cron));
        return services;
    }
}

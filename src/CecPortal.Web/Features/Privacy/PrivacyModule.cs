using CecPortal.Web.Infrastructure.Jobs;
using CecPortal.Web.Infrastructure.Operations;
using Hangfire;

namespace CecPortal.Web.Features.Privacy;

public static class PrivacyModule
{
    /// <summary>Consent to the privacy notice and the retention jobs that delete what is kept no longer than needed.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindSettings(RetentionOptions.Section);
        services.AddScoped<RetentionJobs>();
        services.AddOptions<PrivacyOptions>().BindSettings(PrivacyOptions.Section);
        services.AddScoped<PrivacyConsent>();
        services.AddRecurringJobs((recurring, _) =>
        {
            recurring.AddOrUpdate<RetentionJobs>(RetentionJobs.ClosedApplicationsJobId, job => job.DeleteClosedApplicationsAsync(CancellationToken.None), RetentionJobs.ClosedApplicationsCron);
            recurring.AddOrUpdate<RetentionJobs>(RetentionJobs.DeliveryDetailsJobId, job => job.DeleteDeliveryDetailsAsync(CancellationToken.None), RetentionJobs.DeliveryDetailsCron);
            recurring.AddOrUpdate<RetentionJobs>(RetentionJobs.SentEmailsJobId, job => job.DeleteSentEmailsAsync(CancellationToken.None), RetentionJobs.SentEmailsCron);
            recurring.AddOrUpdate<RetentionJobs>(RetentionJobs.AuditClientDetailsJobId, job => job.ClearAuditClientDetailsAsync(CancellationToken.None), RetentionJobs.AuditClientDetailsCron);
            recurring.AddOrUpdate<RetentionJobs>(RetentionJobs.MessagesJobId, job => job.DeleteExpiredMessagesAsync(CancellationToken.None), RetentionJobs.MessagesCron);
            recurring.AddOrUpdate<RetentionJobs>(RetentionJobs.MessageReportsJobId, job => job.DeleteClosedMessageReportsAsync(CancellationToken.None), RetentionJobs.MessageReportsCron);
            recurring.AddOrUpdate<RetentionJobs>(RetentionJobs.ConsultationDraftsJobId, job => job.DeleteConsultationDraftsAsync(CancellationToken.None), RetentionJobs.ConsultationDraftsCron);
            recurring.AddOrUpdate<RetentionJobs>(RetentionJobs.DecidedProfileChangesJobId, job => job.DeleteDecidedProfileChangesAsync(CancellationToken.None), RetentionJobs.DecidedProfileChangesCron);
        });
        return services;
    }
}

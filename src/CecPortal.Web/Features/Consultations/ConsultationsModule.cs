using CecPortal.Web.Features.Unsubscribe;
using CecPortal.Web.Infrastructure.Jobs;
using CecPortal.Web.Infrastructure.Operations;
using Hangfire;

namespace CecPortal.Web.Features.Consultations;

public static class ConsultationsModule
{
    /// <summary>The consultations: staff administration, members' answers, their emails, the deadline job, demo data.</summary>
    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.AddOptions<ConsultationOptions>().BindSettings(ConsultationOptions.Section);
        services.AddScoped<ConsultationAudience>();
        services.AddScoped<ConsultationMail>();
        services.AddScoped<ConsultationAdministration>();
        services.AddScoped<ConsultationAnswering>();
        services.AddScoped<ConsultationDeadlines>();
        services.AddScoped<ConsultationResultsInput>();
        services.AddScoped<ConsultationDemoData>();
        services.AddScoped<ConsultationResultsReader>();
        services.AddUnsubscribe();
        services.AddRecurringJobs((recurring, _) =>
            recurring.AddOrUpdate<ConsultationDeadlinesJob>(ConsultationDeadlinesJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), ConsultationDeadlinesJob.Cron));
        return services;
    }
}

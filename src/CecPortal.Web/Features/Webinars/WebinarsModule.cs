using CecPortal.Web.Features.Unsubscribe;
using CecPortal.Web.Features.Webinars.Calendars;
using CecPortal.Web.Features.Webinars.Mail;
using CecPortal.Web.Features.Webinars.Proposals;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;
using CecPortal.Web.Infrastructure.Jobs;
using CecPortal.Web.Infrastructure.Operations;
using Hangfire;

namespace CecPortal.Web.Features.Webinars;

public static class WebinarsModule
{
    /// <summary>
    /// Webinar sessions: the planner and its top-up job, registration and attendance, the emails and reminders,
    /// calendar feeds, the call for speakers and the announcements sweep.
    /// </summary>
    public static IServiceCollection AddWebinars(this IServiceCollection services)
    {
        services.AddScoped<WebinarPlanner>();
        services.AddScoped<TopUpWebinarSessionsJob>();
        services.AddOptions<WebinarOptions>().BindSettings(WebinarOptions.Section);
        services.AddSingleton(WebinarOptions.CreateCalendar);
        services.AddScoped<WebinarMail>();
        services.AddScoped<WebinarReminders>();
        services.AddScoped<WebinarAttendance>();
        services.AddScoped<WebinarSessionChanges>();
        services.AddScoped<WebinarSchedule>();
        services.AddScoped<CalendarSubscription>();
        services.AddScoped<CallForSpeakers>();
        services.AddScoped<TimeZoneSetting>();
        services.AddScoped<WebinarAnnouncements>();
        services.AddUnsubscribe();
        services.AddScoped<WebinarDemoData>();
        services.AddRecurringJobs((recurring, _) =>
        {
            recurring.AddOrUpdate<WebinarAnnouncementSweepJob>(WebinarAnnouncementSweepJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), "*/10 * * * *");
            recurring.AddOrUpdate<TopUpWebinarSessionsJob>(TopUpWebinarSessionsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), TopUpWebinarSessionsJob.Cron);
        });
        return services;
    }
}

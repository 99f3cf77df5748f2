using CecPortal.Web.Infrastructure.Jobs;
using CecPortal.Web.Infrastructure.Operations;
using Hangfire;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CecPortal.Web.Infrastructure.Email;

public static class EmailSetup
{
    /// <summary>
    /// SMTP from <c>Email:*</c>. With no host in Development, mail is kept under <c>.data/mail</c> for
    /// <c>/dev/mailbox</c>; outside Development an SMTP host is required, and STARTTLS too unless <c>Email:Security</c> says otherwise.
    /// </summary>
    public static IServiceCollection AddPortalEmail(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var host = configuration[$"{EmailOptions.Section}:Host"];
        if (string.IsNullOrWhiteSpace(host) && !environment.IsDevelopment())
        {
            throw new PortalConfigurationException("No SMTP server is configured: set Email__Host (and Email__Port, Email__FromAddress) outside Development.");
        }

        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .PostConfigure(options =>
            {
                // Outside Development a mail relay that cannot do TLS must be a deliberate Email:Security=None.
                if (string.IsNullOrWhiteSpace(configuration[$"{EmailOptions.Section}:Security"]))
                {
                    options.Security = environment.IsDevelopment() ? SmtpSecurity.Auto : SmtpSecurity.StartTls;
                }

                if (string.IsNullOrWhiteSpace(options.Host) && string.IsNullOrWhiteSpace(options.PickupDirectory))
                {
                    options.PickupDirectory = Path.Combine(PortalPaths.DataRoot(configuration, environment.ContentRootPath), "mail");
                }
            })
            .ValidateSettings(EmailOptions.Section);
        services.AddSingleton<OutboxProtection>();
        services.AddSingleton<ReturnPath>();
        services.AddScoped<EmailSender>();
        services.AddScoped<EmailOutbox>();
        services.AddSingleton<EnqueueAfterCommitInterceptor>();
        services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<EnqueueAfterCommitInterceptor>());
        services.AddRecurringJobs((recurring, _) => recurring.AddOrUpdate<EmailOutboxSweepJob>(
            EmailOutboxSweepJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), "*/10 * * * *"));
        return services;
    }
}

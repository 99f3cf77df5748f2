using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.Infrastructure.Operations;

namespace CecPortal.Web.Features.Sharing.Alerts;

public static class UrgentAlertsModule
{
    /// <summary>Urgent alerts: proposals, staff decisions, pins, and their emails through the briefing's delivery ledger.</summary>
    public static IServiceCollection AddUrgentAlerts(this IServiceCollection services)
    {
        services.AddOptions<UrgentAlertOptions>().BindSettings(SharingOptions.Section);
        services.AddScoped<AlertRecipients>();
        services.AddScoped<UrgentAlerts>();
        services.AddScoped<UrgentAlertEmail>();
        services.AddScoped<IDeliverySource, UrgentAlertDeliverySource>();
        return services;
    }
}

using CecPortal.Web.Features.Account.TwoFactor;
using CecPortal.Web.Features.Dev;

namespace CecPortal.Web.Features;

public static class PortalPages
{
    /// <summary>
    /// Razor Pages rooted at <c>/Features</c>, with lowercase URLs: who may open each page (<see cref="PortalAccess"/>),
    /// the staff area's two-factor requirement, and the Development-only tools.
    /// </summary>
    public static IServiceCollection AddPortalPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            options.Conventions.AddPortalAccessRules();
            options.Conventions.AddFolderApplicationModelConvention("/Admin", model => model.Filters.Add(new StaffMfaPageFilter()));
            options.Conventions.AddFolderApplicationModelConvention("/Dev", model => model.Filters.Add(new DevelopmentOnlyFilter()));
            options.Conventions.ConfigureFilter(new RuleExceptionPageFilter());
        });
        services.AddPortalAuthorization();
        services.AddRouting(options => options.LowercaseUrls = true);
        return services;
    }
}

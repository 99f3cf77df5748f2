using CecPortal.Web.Features.Account.TwoFactor;
using CecPortal.Web.Features.Dev;

namespace CecPortal.Web.Features;

public static class PortalPages
{
    /// <summary>
    /// Razor Pages rooted at <c>/Features</c>, with lowercase URLs: the staff area's folder policies, its
    /// two-factor requirement, and the Development-only tools.
    /// </summary>
    public static IServiceCollection AddPortalPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            options.Conventions.AuthorizeFolder("/Admin", Policies.Staff);
            options.Conventions.AuthorizeFolder("/Admin/Vetting", Policies.Vetting);
            options.Conventions.AuthorizeFolder("/Admin/Briefings", Policies.Editorial);
            options.Conventions.AuthorizeFolder("/Admin/Webinars", Policies.Editorial);
            options.Conventions.AuthorizeFolder("/Admin/Audit", Policies.Admin);
            options.Conventions.AddFolderApplicationModelConvention("/Admin", model => model.Filters.Add(new StaffMfaPageFilter()));
            options.Conventions.AddFolderApplicationModelConvention("/Dev", model => model.Filters.Add(new DevelopmentOnlyFilter()));
            options.Conventions.ConfigureFilter(new RuleExceptionPageFilter());
        });
        services.AddRouting(options => options.LowercaseUrls = true);
        return services;
    }
}

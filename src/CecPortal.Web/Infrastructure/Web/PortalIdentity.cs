using CecPortal.Web.Data;
using CecPortal.Web.Features.Account;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace CecPortal.Web.Infrastructure.Web;

public static class PortalIdentity
{
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services)
    {
        // One key ring for every process of the portal (web nodes, the CLI): cookies and emailed tokens stay valid.
        services.AddDataProtection()
            .SetApplicationName("CecPortal")
            .PersistKeysToDbContext<AppDbContext>();

        services.AddIdentity<PortalUser, IdentityRole>(options =>
            {
                options.SignIn.RequireConfirmedEmail = true;
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Password.RequiredUniqueChars = 6;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<WelcomeTokenProvider>(WelcomeTokenProvider.ProviderName)
            .AddSignInManager<PortalSignInManager>();

        // Suspension or a password change ends other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "cec.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // A signed-in user without the role gets a real 403 (rendered by the status code page), not a redirect.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Staff, policy => policy.RequireRole(Roles.Staff))
            .AddPolicy(Policies.Vetting, policy => policy.RequireRole(Roles.Vetter, Roles.Admin))
            .AddPolicy(Policies.Editorial, policy => policy.RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(Policies.Community, policy => policy.RequireRole([.. Roles.Staff, Roles.Member]))
            // Every page needs a signed-in user unless it says [AllowAnonymous].
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        return services;
    }
}

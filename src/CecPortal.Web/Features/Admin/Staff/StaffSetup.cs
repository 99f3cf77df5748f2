using CecPortal.Web.Features.Admin.Members;

namespace CecPortal.Web.Features.Admin.Staff;

public static class StaffSetup
{
    /// <summary>Member and staff management: the member list's search and export, and the staff roles.</summary>
    public static IServiceCollection AddPeopleAdministration(this IServiceCollection services) => services
        .AddScoped<MemberSearch>()
        .AddScoped<MemberExport>()
        .AddScoped<StaffAdministration>();
}

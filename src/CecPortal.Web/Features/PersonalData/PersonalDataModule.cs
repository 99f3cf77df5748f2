namespace CecPortal.Web.Features.PersonalData;

public static class PersonalDataModule
{
    /// <summary>A member's rights over their data: the export, erasure and the blocklist of erased addresses.</summary>
    public static IServiceCollection AddPersonalData(this IServiceCollection services) => services
        .AddScoped<PersonalDataExport>()
        .AddScoped<AccountErasure>()
        .AddScoped<EmailBlocklist>();
}

namespace CecPortal.Web.Infrastructure.Audit;

/// <summary>Identity's user manager, plus: every successful password change, reset or first password is audited.</summary>
public sealed class AuditedUserManager(
    IUserStore<PortalUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<PortalUser> passwordHasher,
    IEnumerable<IUserValidator<PortalUser>> userValidators,
    IEnumerable<IPasswordValidator<PortalUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PortalUser>> logger,
    AuditLog audit)
    : UserManager<PortalUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> ChangePasswordAsync(PortalUser user, string currentPassword, string newPassword) =>
        await AuditAsync(user, SecurityEvents.PasswordChanged, await base.ChangePasswordAsync(user, currentPassword, newPassword));

    public override async Task<IdentityResult> ResetPasswordAsync(PortalUser user, string token, string newPassword) =>
        await AuditAsync(user, SecurityEvents.PasswordReset, await base.ResetPasswordAsync(user, token, newPassword));

    public override async Task<IdentityResult> AddPasswordAsync(PortalUser user, string password) =>
        await AuditAsync(user, SecurityEvents.PasswordSet, await base.AddPasswordAsync(user, password));

    private async Task<IdentityResult> AuditAsync(PortalUser user, string action, IdentityResult result)
    {
        if (result.Succeeded)
        {
            await audit.RecordNowAsync(user.Id, user.UserName ?? user.Id, action, SecurityEvents.UserSubject(user.Id));
        }

        return result;
    }
}

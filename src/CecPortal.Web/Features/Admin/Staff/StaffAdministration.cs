using CecPortal.Web.Features.Account.TwoFactor;
using CecPortal.Web.Features.Admin.Accounts;
using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Email;

namespace CecPortal.Web.Features.Admin.Staff;

/// <summary>
/// Granting and revoking the staff roles, and adding staff by email. Each change runs in one transaction under the
/// <see cref="LastAdminRule"/> lock: the role change, a new security stamp (the person's other sessions end at their next
/// check, within a minute, and sign in again with the new roles), the audit entry and the email notice to the person.
/// </summary>
public sealed class StaffAdministration(
    AppDbContext db,
    UserManager<PortalUser> users,
    AdminAccounts accounts,
    AuditLog audit,
    EmailOutbox outbox,
    PortalUrls urls,
    IOptions<StaffMfaOptions> staffMfa)
{
    /// <summary>Audit action when an Admin creates a staff account (the role grant has its own entry).</summary>
    public const string StaffAccountCreatedAction = "staff.create";

    /// <summary>The roles an Admin grants and revokes here; Member comes only from an approved application.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = Roles.Staff;

    /// <summary>What a role lets its holder do, in the words of the pages and the notice email.</summary>
    public static string Describe(string role) => role switch
    {
        Roles.Admin => "manage members, staff and the portal's settings",
        Roles.Vetter => "review membership applications in their countries and sectors",
        Roles.Editor => "write the daily briefing and plan the peer webinars",
        Roles.Moderator => "run the members' sharing space: its channels, reported messages and muted members",
        Roles.Policy => "run the community's consultations and write the position papers sent to the EU institutions",
        _ => role,
    };

    public async Task GrantAsync(string userId, string role, Actor actor, CancellationToken cancellationToken)
    {
        RequireStaffRole(role);
        await InTransactionAsync(
            async () =>
            {
                var user = await FindAsync(userId);
                if (await users.IsInRoleAsync(user, role))
                {
                    throw new AccountRuleException($"{user.FullName} already has the {role} role.");
                }

                await AddRoleAsync(user, role, actor);
                outbox.Add(GrantNotice(user, role));
                await RenewStampAsync(user);
            },
            cancellationToken);
    }

    /// <summary>Takes the role away; the last active Admin keeps theirs. A former vetter's scope goes with the role.</summary>
    public async Task RevokeAsync(string userId, string role, Actor actor, CancellationToken cancellationToken)
    {
        RequireStaffRole(role);
        await InTransactionAsync(
            async () =>
            {
                var user = await FindAsync(userId);
                if (!await users.IsInRoleAsync(user, role))
                {
                    throw new AccountRuleException($"{user.FullName} does not have the {role} role.");
                }

                if (role == Roles.Admin && await LastAdminRule.IsLastActiveAdminAsync(db, userId, cancellationToken))
                {
                    throw new AccountRuleException($"{user.FullName} is the portal's only active Admin. Make someone else an Admin first.");
                }

                var note = role;
                if (role == Roles.Vetter)
                {
                    var countries = await db.VetterCountries.Where(v => v.UserId == userId).ExecuteDeleteAsync(cancellationToken);
                    var sectors = await db.VetterSectors.Where(v => v.UserId == userId).ExecuteDeleteAsync(cancellationToken);
                    note = countries + sectors > 0 ? $"{role}; vetting scope cleared ({countries} countries, {sectors} sectors)" : role;
                }

                Check(await users.RemoveFromRoleAsync(user, role));
                audit.Record(actor, SecurityEvents.RoleRevoked, SecurityEvents.UserSubject(user.Id), note);
                outbox.Add(RevokeNotice(user, role));
                await RenewStampAsync(user);
            },
            cancellationToken);
    }

    /// <summary>
    /// Gives <paramref name="role"/> to the account with this email: an existing account (a member becoming staff) is
    /// told by email; otherwise a new account is created without a password and the person gets a welcome link to choose one.
    /// </summary>
    public async Task<StaffAddition> AddStaffAsync(string email, string? fullName, string role, Actor actor, CancellationToken cancellationToken)
    {
        RequireStaffRole(role);
        var address = email.Trim();
        if (!new EmailAddressAttribute().IsValid(address))
        {
            throw new AccountRuleException("Enter a valid email address.");
        }

        StaffAddition? outcome = null;
        await InTransactionAsync(
            async () =>
            {
                if (await users.FindByEmailAsync(address) is { } existing)
                {
                    if (existing.IsErased)
                    {
                        throw new AccountRuleException("This address belongs to an erased account.");
                    }

                    if (await users.IsInRoleAsync(existing, role))
                    {
                        throw new AccountRuleException($"{existing.FullName} already has the {role} role.");
                    }

                    await AddRoleAsync(existing, role, actor);
                    outbox.Add(GrantNotice(existing, role));
                    await RenewStampAsync(existing);
                    outcome = new StaffAddition(existing.Id, existing.FullName, Created: false);
                    return;
                }

                var name = fullName?.Trim();
                if (string.IsNullOrEmpty(name))
                {
                    throw new AccountRuleException("No account has this email address yet: enter the person's name to create one.");
                }

                var user = await accounts.CreateWithoutPasswordAsync(address, name);
                audit.Record(actor, StaffAccountCreatedAction, SecurityEvents.UserSubject(user.Id), role);
                await AddRoleAsync(user, role, actor);

                // A new account has no session to end; the welcome token is bound to the stamp it has now.
                outbox.Add(Invitation(user, role, urls.Absolute(await accounts.WelcomePathAsync(user))));
                await db.SaveChangesAsync(cancellationToken);
                outcome = new StaffAddition(user.Id, user.FullName, Created: true);
            },
            cancellationToken);
        return outcome!;
    }

    public sealed record StaffAddition(string UserId, string FullName, bool Created);

    private static void RequireStaffRole(string role)
    {
        if (!StaffRoles.Contains(role, StringComparer.Ordinal))
        {
            throw new AccountRuleException($"There is no staff role called {role}.");
        }
    }

    private async Task InTransactionAsync(Func<Task> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await LastAdminRule.LockAsync(db, cancellationToken);
            await change();
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            // Nothing of a refused change (an audit entry, a notice) may ride along with a later save in this scope.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>Loads the account after the lock is taken, so every check sees the state the change will apply to.</summary>
    private async Task<PortalUser> FindAsync(string userId) =>
        await users.FindByIdAsync(userId) is { IsErased: false } user ? user : throw new AccountRuleException("There is no such account.");

    private async Task AddRoleAsync(PortalUser user, string role, Actor actor)
    {
        audit.Record(actor, SecurityEvents.RoleGranted, SecurityEvents.UserSubject(user.Id), role);
        Check(await users.AddToRoleAsync(user, role));
    }

    private async Task RenewStampAsync(PortalUser user) => Check(await users.UpdateSecurityStampAsync(user));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new AccountRuleException(result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? "Someone else changed this account at the same moment. Reload the page and try again."
                : string.Join(' ', result.Errors.Select(e => e.Description)));
        }
    }

    private string MfaSentence => staffMfa.Value.RequireStaffMfa
        ? "Staff pages need two-step sign-in: at your first visit to them you will be asked to set up an authenticator app."
        : "We recommend turning on two-step sign-in under Security once you are signed in.";

    private EmailMessage GrantNotice(PortalUser user, string role) => EmailTemplate.Compose(
        user.Email!,
        $"You are now {Article(role)} {role} on the CEC Portal",
        [
            $"Hello {user.FullName},",
            $"An Admin gave you the {role} role on the CEC Portal: you can now {Describe(role)}.",
            "For your security you will be asked to sign in again. " + MfaSentence,
            "If you did not expect this, please tell the CEC secretariat.",
        ],
        ("Sign in", urls.Absolute("/account/login")));

    private EmailMessage RevokeNotice(PortalUser user, string role) => EmailTemplate.Compose(
        user.Email!,
        $"Your {role} role on the CEC Portal has ended",
        [
            $"Hello {user.FullName},",
            $"An Admin removed your {role} role on the CEC Portal: you can no longer {Describe(role)}. Your other access is unchanged; you will be asked to sign in again.",
            "If you think this is a mistake, please tell the CEC secretariat.",
        ]);

    private EmailMessage Invitation(PortalUser user, string role, string welcomeLink) => EmailTemplate.Compose(
        user.Email!,
        "Your staff account on the CEC Portal",
        [
            $"Hello {user.FullName},",
            $"An Admin created a staff account for you on the CISOs European Community portal, with the {role} role: you can {Describe(role)}.",
            "Please choose your password. The link works once and is valid for 7 days. " + MfaSentence,
        ],
        ("Set my password", welcomeLink));

    private static string Article(string role) => role == Roles.Admin || role == Roles.Editor ? "an" : "a";
}

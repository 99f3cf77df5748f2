using CecPortal.Web.Data;
using CecPortal.Web.Features.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CecPortal.Testing;

/// <summary>What a test account looks like; only the email, name and role are needed.</summary>
public sealed record TestUser(string Email, string FullName, string Role)
{
    public string? JobTitle { get; init; }

    public string? Organisation { get; init; }

    public string? CountryCode { get; init; }

    public string? SectorCode { get; init; }

    public string? TimeZoneId { get; init; }

    public bool Suspended { get; init; }

    /// <summary>Null for an account without a password (it cannot sign in with one).</summary>
    public string? Password { get; init; }

    /// <summary>Whether the account has accepted the current privacy notice (false: the consent gate stops it at the first page).</summary>
    public bool AcceptedPrivacyNotice { get; init; } = true;
}

/// <summary>Creates confirmed accounts through Identity, as the portal would, for integration and browser tests.</summary>
public static class TestUsers
{
    /// <summary>Creates the account and returns its id; throws with Identity's reasons when it cannot.</summary>
    public static async Task<string> CreateAsync(IServiceProvider services, TestUser spec)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var details = new ProfileDetails(spec.FullName, spec.JobTitle, spec.Organisation, spec.CountryCode, spec.SectorCode, HiddenFromDirectory: false);
        var user = new PortalUser(details, DateTimeOffset.UtcNow)
        {
            UserName = spec.Email,
            Email = spec.Email,
            EmailConfirmed = true,
        };
        user.ChooseTimeZone(spec.TimeZoneId);
        if (spec.Suspended)
        {
            user.Suspend("Created suspended by a test.", DateTimeOffset.UtcNow);
        }

        var created = spec.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, spec.Password);
        var added = created.Succeeded ? await users.AddToRoleAsync(user, spec.Role) : created;
        if (!added.Succeeded)
        {
            throw new InvalidOperationException($"Test user {spec.Email} could not be created: {string.Join(' ', added.Errors.Select(e => e.Description))}");
        }

        if (spec.AcceptedPrivacyNotice)
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var version = await db.PrivacyNotices.MaxAsync(n => n.Version);
            db.PrivacyAcceptances.Add(new PrivacyAcceptance { UserId = user.Id, Version = version, AcceptedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        return user.Id;
    }
}

using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CecPortal.IntegrationTests.Account;

/// <summary>Accounts and emailed-link codes for the credential tests, made through Identity as the portal would.</summary>
public static class CredentialTestKit
{
    public const string WrongPassword = "Not-my-passphrase-at-all";

    public const string FirefoxOnLinux = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A confirmed member with the demo password; the email is unique to <paramref name="tag"/>.</summary>
    public static async Task<string> AddMemberAsync(PortalFixture portal, string tag)
    {
        var email = $"{tag}-{Guid.NewGuid():N}@credential-tests.example";
        await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, $"Member {tag}", Roles.Member) { Password = PortalFactory.DemoPassword });
        return email;
    }

    /// <summary>A member approved but without a password yet; returns the welcome page's address with its code.</summary>
    public static async Task<(string Email, string Link)> AddInvitedMemberAsync(PortalFixture portal, string tag)
    {
        var email = $"{tag}-{Guid.NewGuid():N}@credential-tests.example";
        var userId = await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, $"Invited {tag}", Roles.Member));
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId);
        var code = AccountEmails.Encode(await users.GenerateUserTokenAsync(user!, WelcomeTokenProvider.ProviderName, WelcomeTokenProvider.Purpose));
        return (email, $"/account/welcome?userId={userId}&code={code}");
    }

    /// <summary>The reset page's address with a code, as the emailed link carries it.</summary>
    public static async Task<string> ResetLinkAsync(PortalFixture portal, string email)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email);
        var code = AccountEmails.Encode(await users.GeneratePasswordResetTokenAsync(user!));
        return $"/account/reset-password?email={Uri.EscapeDataString(email)}&code={code}";
    }

    public static Dictionary<string, string> NewPassword(string password, string? current = null)
    {
        var fields = new Dictionary<string, string> { ["Input.NewPassword"] = password, ["Input.ConfirmPassword"] = password };
        if (current is not null)
        {
            fields["Input.CurrentPassword"] = current;
        }

        return fields;
    }
}

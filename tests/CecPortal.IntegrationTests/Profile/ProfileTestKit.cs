using System.Text.RegularExpressions;
using CecPortal.Testing;
using CecPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace CecPortal.IntegrationTests.Profile;

/// <summary>Members who can sign in, made fresh for each test, and the links in the emails they receive.</summary>
internal static partial class ProfileTestKit
{
    public static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A confirmed member with the demo password; returns the id and the (unique) email.</summary>
    public static async Task<(string Id, string Email)> AddMemberAsync(PortalFactory factory, string fullName, string country = "FI", string sector = "energy")
    {
        var email = $"{Guid.NewGuid():N}@profile-tests.example";
        var id = await TestUsers.CreateAsync(factory.Services, new TestUser(email, fullName, Roles.Member)
        {
            JobTitle = "CISO",
            Organisation = $"{fullName} Oy",
            CountryCode = country,
            SectorCode = sector,
            Password = PortalFactory.DemoPassword,
        });
        return (id, email);
    }

    public static async Task<HttpClient> SignedInAsync(PortalFixture portal, string email)
    {
        var client = portal.CreateClient();
        using var response = await client.SignInAsync(email, PortalFactory.DemoPassword);
        return response.StatusCode == System.Net.HttpStatusCode.Redirect ? client : throw new InvalidOperationException($"Sign-in as {email} failed.");
    }

    public static Task<PortalUser> StoredUserAsync(PortalFixture portal, string id) =>
        portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id, Token));

    public static Task<List<string>> AuditActionsAsync(PortalFixture portal, string userId) =>
        portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Subject == $"user:{userId}").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Token));

    /// <summary>The path and query of the first link in the text body whose path starts with <paramref name="path"/>.</summary>
    public static string Link(MimeMessage message, string path) =>
        LinkPattern().Matches(message.TextBody!).Select(m => new Uri(m.Value)).First(u => u.AbsolutePath.StartsWith(path, StringComparison.Ordinal)).PathAndQuery;

    public static bool IsTo(MimeMessage message, string email) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"http://[^\s]+")]
    private static partial Regex LinkPattern();
}

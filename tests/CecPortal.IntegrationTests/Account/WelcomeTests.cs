using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Account;

/// <summary>The new member's first password, from the welcome link.</summary>
public sealed class WelcomeTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Welcome_WithWeakOrMismatchedPassword_ReshowsFormAndSetsNothing()
    {
        var (userId, link) = await NewMemberWithWelcomeLinkAsync("weak.password@welcome-demo.eu");
        using var client = portal.CreateClient();

        using var response = await client.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "short",
            ["Input.ConfirmPassword"] = "other",
        });
        var page = await response.ReadDocumentAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.NewPassword']")!.TextContent.ShouldContain("12");
        page.QuerySelector("[data-valmsg-for='Input.ConfirmPassword']")!.TextContent.ShouldContain("do not match");
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.PasswordHash).SingleAsync())).ShouldBeNull();
    }

    [Fact]
    public async Task Welcome_WithTamperedCode_ExplainsTheLinkIsInvalid()
    {
        var (userId, _) = await NewMemberWithWelcomeLinkAsync("tampered.code@welcome-demo.eu");
        using var client = portal.CreateClient();

        using var response = await client.SubmitFormAsync($"/account/welcome?userId={userId}&code=Zm9yZ2Vk", new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "Valid-Passw0rd!xyz",
            ["Input.ConfirmPassword"] = "Valid-Passw0rd!xyz",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("expired or was already used");
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.PasswordHash).SingleAsync())).ShouldBeNull();
    }

    [Fact]
    public async Task Welcome_ForUnknownUser_IsNotFound()
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(new Uri("/account/welcome?userId=nobody&code=abc", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<(string UserId, string Link)> NewMemberWithWelcomeLinkAsync(string email)
    {
        var userId = await portal.CreateUserAsync(email, "Welcome Tester", Roles.Member, "FR", "energy");
        string code = string.Empty;
        await portal.WithServiceAsync<UserManager<PortalUser>>(async users =>
        {
            var user = await users.FindByIdAsync(userId);
            code = AccountEmails.Encode(await users.GenerateUserTokenAsync(user!, WelcomeTokenProvider.ProviderName, WelcomeTokenProvider.Purpose));
        });
        return (userId, $"/account/welcome?userId={userId}&code={code}");
    }
}

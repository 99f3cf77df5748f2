using System.Net;
using CecPortal.Testing;
using Shouldly;

namespace CecPortal.IntegrationTests.Account;

public sealed class ChangePasswordTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task ChangePassword_WithWrongCurrentPassword_ReshowsFormWithMessage()
    {
        using var client = await portal.SignedInClientAsync("a.lindqvist@demo.cec.example");

        using var response = await client.SubmitFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Wrong-Passw0rd!!",
            ["Input.NewPassword"] = "Another-lantern-fjord-26",
            ["Input.ConfirmPassword"] = "Another-lantern-fjord-26",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.CurrentPassword']")!.TextContent.ShouldBe("The current password is not correct.");
    }

    [Fact]
    public async Task ChangePassword_WithCommonPassword_ExplainsTheRule()
    {
        using var client = await portal.SignedInClientAsync("s.murphy@demo.cec.example");

        using var response = await client.SubmitFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = PortalFactory.DemoPassword,
            ["Input.NewPassword"] = "password1234",
            ["Input.ConfirmPassword"] = "password1234",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.NewPassword']")!.TextContent.ShouldContain("too common");
    }

    [Fact]
    public async Task ChangePassword_WithValidInput_ChangesPasswordAndKeepsSession()
    {
        const string email = "i.hansen@demo.cec.example";
        const string newPassword = "Fjord-Passw0rd!2026";
        using var client = await portal.SignedInClientAsync(email);

        using var response = await client.SubmitFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = PortalFactory.DemoPassword,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        var profile = await client.GetDocumentAsync("/profile");
        using var fresh = portal.CreateClient();
        using var oldPassword = await fresh.SignInAsync(email, PortalFactory.DemoPassword);
        using var changedPassword = await fresh.SignInAsync(email, newPassword);

        response.Headers.Location!.OriginalString.ShouldBe("/profile");
        profile.QuerySelector("[data-testid=profile-name]")!.TextContent.ShouldBe("Ingrid Hansen");
        oldPassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        changedPassword.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}

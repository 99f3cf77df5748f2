using System.Buffers.Binary;
using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;

namespace CecPortal.IntegrationTests.Account;

/// <summary>A portal that hashes with its own iteration count (other test portals use <see cref="PortalFactory.TestHashIterations"/>).</summary>
public sealed class ProductionHashingPortalFixture : PortalFixture
{
    protected override bool ProductionPasswordHashing => true;
}

/// <summary>OWASP ASVS 5.0 passwords: length, no composition rules, common passwords refused, a strong hash.</summary>
public sealed class PasswordPolicyTests(ProductionHashingPortalFixture portal) : IClassFixture<ProductionHashingPortalFixture>
{
    private const string Passphrase64 = "the quiet river bends slowly past the old mill where herons wait";

    [Fact]
    public async Task ChangePassword_ElevenCharacters_RefusedWithLengthRule()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync("l.rossi@demo.cec.example");

        // Act
        using var response = await client.SubmitFormAsync("/account/change-password", NewPassword("abcdefghijk"));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.NewPassword']")!.TextContent
            .ShouldBe("The password must have between 12 and 128 characters.");
    }

    [Fact]
    public async Task ChangePassword_SixtyFourCharacterPassphraseWithoutComposition_AcceptedAndSignsIn()
    {
        // Arrange
        const string email = "p.garcia@demo.cec.example";
        Passphrase64.Length.ShouldBe(64);
        using var client = await portal.SignedInClientAsync(email);

        // Act
        using var response = await client.SubmitFormAsync("/account/change-password", NewPassword(Passphrase64));
        using var fresh = portal.CreateClient();
        using var signIn = await fresh.SignInAsync(email, Passphrase64);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/profile");
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("P@ssw0rd2024!")]
    public async Task ChangePassword_CommonPassword_RefusedWithMessage(string common)
    {
        // Arrange
        using var client = await portal.SignedInClientAsync("t.peeters@demo.cec.example");

        // Act
        using var response = await client.SubmitFormAsync("/account/change-password", NewPassword(common));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.NewPassword']")!.TextContent
            .ShouldBe(CommonPasswordValidator.Message);
    }

    [Fact]
    public async Task ResetPassword_CommonPassword_RefusedWithMessageAndKeepsEmail()
    {
        // Arrange
        const string email = "k.huber@demo.cec.example";
        var code = await ResetCodeAsync(email);
        using var client = portal.CreateClient();

        // Act
        using var response = await client.SubmitFormAsync($"/account/reset-password?code={code}&email={Uri.EscapeDataString(email)}", NewPassword("iloveyou1234"));
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.NewPassword']")!.TextContent.ShouldBe(CommonPasswordValidator.Message);
        page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value").ShouldBe(email);
        using var oldStillWorks = await portal.CreateClient().SignInAsync(email, PortalFactory.DemoPassword);
        oldStillWorks.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task ResetPasswordPage_Hint_DescribesLengthAndCommonPasswordsWithoutCompositionRules()
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        var page = await client.GetDocumentAsync("/account/reset-password?code=abc&email=x%40example.org");

        // Assert
        var hint = page.QuerySelector("#password-help")!.TextContent;
        hint.ShouldContain("At least 12 characters");
        hint.ShouldContain("Common or leaked passwords are refused");
        hint.ShouldNotContain("upper");
    }

    [Fact]
    public async Task ResetPasswordPage_LinkWithoutCode_400PageThatSaysHowToGetANewLink()
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri("/account/reset-password?email=x%40example.org", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.ReadDocumentAsync();
        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        page.Title.ShouldNotBeNullOrWhiteSpace();
        page.QuerySelector("[data-testid=reset-link-incomplete] a[href='/account/forgot-password']").ShouldNotBeNull();
        page.QuerySelector("form[method=post] input[name='Input.Email']").ShouldBeNull();
    }

    [Fact]
    public async Task ChangePassword_NewPassword_StoredWithAtLeast210000Iterations()
    {
        // Arrange
        const string email = "a.lindqvist@demo.cec.example";
        using var client = await portal.SignedInClientAsync(email);

        // Act
        using var response = await client.SubmitFormAsync("/account/change-password", NewPassword(Passphrase64));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var hash = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash!).SingleAsync());
        Iterations(hash).ShouldBeGreaterThanOrEqualTo(210_000);
        portal.Factory.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount.ShouldBeGreaterThanOrEqualTo(210_000);
    }

    [Fact]
    public async Task SignIn_HashWithOldIterationCount_SignsInAndRehashes()
    {
        // Arrange: the hash an account kept from before the change (Identity's former 100,000 iterations)
        const string email = "m.kowalski@demo.cec.example";
        var oldHasher = new PasswordHasher<PortalUser>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
        var oldHash = oldHasher.HashPassword(new PortalUser(new ProfileDetails("Marek Kowalski", null, null, null, null, HiddenFromDirectory: false), DateTimeOffset.UtcNow), PortalFactory.DemoPassword);
        await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, oldHash)));
        Iterations(oldHash).ShouldBe(100_000);

        // Act
        using var signIn = await portal.CreateClient().SignInAsync(email, PortalFactory.DemoPassword);

        // Assert
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash!).SingleAsync());
        Iterations(stored).ShouldBeGreaterThanOrEqualTo(210_000);
    }

    /// <summary>Identity's v3 hash format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.</summary>
    private static int Iterations(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        bytes[0].ShouldBe((byte)0x01);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }

    private static Dictionary<string, string> NewPassword(string password) => new()
    {
        ["Input.CurrentPassword"] = PortalFactory.DemoPassword,
        ["Input.NewPassword"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    private async Task<string> ResetCodeAsync(string email)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        return AccountEmails.Encode(await users.GeneratePasswordResetTokenAsync(user));
    }
}

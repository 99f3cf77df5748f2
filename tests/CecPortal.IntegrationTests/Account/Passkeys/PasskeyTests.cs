using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Account.Passkeys;

/// <summary>
/// The server side of passkeys: the options Identity makes (relying party from configuration, user verification,
/// discoverable credentials), the password before adding, refusals that keep what was typed, rename and removal,
/// and passkey sign-in refusals. The successful ceremonies run in Chromium with a virtual authenticator
/// (CecPortal.BrowserTests.PasskeyTests).
/// </summary>
public sealed class PasskeyTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Page = "/account/security/passkeys";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreationOptions_RightPassword_OptionsForTheConfiguredDomainNotTheHostHeader()
    {
        // Arrange
        var (email, client) = await NewMemberAsync();
        client.DefaultRequestHeaders.Host = "evil.example";

        // Act
        using var response = await PostOptionsAsync(client, Page, "[data-passkey-create]", new() { ["Input.Name"] = "Work laptop", ["Input.Password"] = PortalFactory.DemoPassword });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var options = json.RootElement;
        options.GetProperty("rp").GetProperty("id").GetString().ShouldBe("localhost");
        options.GetProperty("user").GetProperty("name").GetString().ShouldBe(email);
        options.GetProperty("challenge").GetString()!.Length.ShouldBeGreaterThanOrEqualTo(40);
        var selection = options.GetProperty("authenticatorSelection");
        selection.GetProperty("userVerification").GetString().ShouldBe("required");
        selection.GetProperty("residentKey").GetString().ShouldBe("required");
    }

    [Fact]
    public async Task CreationOptions_WrongPassword_RefusedForThePasswordFieldAndAudited()
    {
        // Arrange
        var (email, client) = await NewMemberAsync();

        // Act
        using var response = await PostOptionsAsync(client, Page, "[data-passkey-create]", new() { ["Input.Name"] = "Work laptop", ["Input.Password"] = "not the password at all" });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        json.RootElement.GetProperty("field").GetString().ShouldBe("Input.Password");
        json.RootElement.GetProperty("error").GetString().ShouldBe("The password is not correct.");
        (await AuditActionsAsync(email)).ShouldContain(SecurityEvents.ReauthenticationFailed);
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync(Token))).ShouldBe(1);
    }

    [Theory]
    [InlineData("", "Give the passkey a name")]
    [InlineData("   ", "Give the passkey a name")]
    public async Task CreationOptions_NoName_RefusedForTheNameFieldBeforeThePassword(string name, string message)
    {
        // Arrange
        var (email, client) = await NewMemberAsync();

        // Act
        using var response = await PostOptionsAsync(client, Page, "[data-passkey-create]", new() { ["Input.Name"] = name, ["Input.Password"] = "wrong password, never checked" });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        json.RootElement.GetProperty("field").GetString().ShouldBe("Input.Name");
        json.RootElement.GetProperty("error").GetString()!.ShouldStartWith(message);
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync(Token))).ShouldBe(0);
    }

    [Fact]
    public async Task Add_WithoutTheOptionsStep_ExpiredMessageKeepsTheNameStoresNothing()
    {
        // Arrange
        var (email, client) = await NewMemberAsync();

        // Act: a credential posted without the password-protected first step
        using var response = await client.SubmitFormAsync(Page, new Dictionary<string, string> { ["Input.Name"] = "Phone of Ana", ["Input.CredentialJson"] = "{\"id\":\"abc\"}" }, "form[data-passkey-create]");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.QuerySelector("[data-testid=add-error]")!.TextContent.ShouldContain("has expired");
        ((IHtmlInputElement)page.QuerySelector("#Input_Name")!).Value.ShouldBe("Phone of Ana");
        (await PasskeyCountAsync(email)).ShouldBe(0);
    }

    [Fact]
    public async Task Add_ForgedCredentialAfterThePassword_NotVerifiedStoresNothing()
    {
        // Arrange: the real first step, then an answer no authenticator made
        var (email, client) = await NewMemberAsync();
        using var options = await PostOptionsAsync(client, Page, "[data-passkey-create]", new() { ["Input.Name"] = "Laptop", ["Input.Password"] = PortalFactory.DemoPassword });
        options.StatusCode.ShouldBe(HttpStatusCode.OK);
        var forged = """{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{"clientDataJSON":"e30","attestationObject":"oA"},"clientExtensionResults":{}}""";

        // Act
        using var response = await client.SubmitFormAsync(Page, new Dictionary<string, string> { ["Input.Name"] = "Laptop", ["Input.CredentialJson"] = forged }, "form[data-passkey-create]");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-testid=add-error]")!.TextContent.ShouldContain("could not be verified");
        (await PasskeyCountAsync(email)).ShouldBe(0);
        (await AuditActionsAsync(email)).ShouldNotContain(SecurityEvents.PasskeyAdded);
    }

    [Fact]
    public async Task Rename_NewName_ShownAndAudited()
    {
        // Arrange
        var (email, client) = await NewMemberAsync();
        await AddStoredPasskeyAsync(email, "Old laptop");

        // Act
        using var response = await client.SubmitFormAsync(Page, new Dictionary<string, string> { ["Input.Name"] = "Work laptop (2026)" }, "form[data-testid=rename-form]");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetDocumentAsync(Page);
        page.QuerySelector("[data-testid=passkey-name]")!.TextContent.ShouldBe("Work laptop (2026)");
        (await AuditActionsAsync(email)).ShouldContain(SecurityEvents.PasskeyRenamed);
    }

    [Fact]
    public async Task Rename_TooLongName_RefusedKeepsTypedNameAndOldName()
    {
        // Arrange
        var (email, client) = await NewMemberAsync();
        await AddStoredPasskeyAsync(email, "Old laptop");
        var tooLong = new string('x', 61);

        // Act
        using var response = await client.SubmitFormAsync(Page, new Dictionary<string, string> { ["Input.Name"] = tooLong }, "form[data-testid=rename-form]");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.QuerySelector("[data-testid=rename-error]")!.TextContent.ShouldContain("60 characters");
        ((IHtmlInputElement)page.QuerySelector("form[data-testid=rename-form] input[name='Input.Name']")!).Value.ShouldBe(tooLong);
        page.QuerySelector("[data-testid=passkey-name]")!.TextContent.ShouldBe("Old laptop");
    }

    [Fact]
    public async Task Remove_WrongPassword_KeepsThePasskey()
    {
        // Arrange
        var (email, client) = await NewMemberAsync();
        await AddStoredPasskeyAsync(email, "Phone");

        // Act
        using var response = await client.SubmitFormAsync(Page, new Dictionary<string, string> { ["Input.Password"] = "not the password at all" }, "form[data-testid=remove-form]");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-testid=remove-error]")!.TextContent.ShouldBe("The password is not correct.");
        (await PasskeyCountAsync(email)).ShouldBe(1);
    }

    [Fact]
    public async Task Remove_RightPassword_RemovedAuditedAndEmailed()
    {
        // Arrange
        var (email, client) = await NewMemberAsync();
        await AddStoredPasskeyAsync(email, "Phone");

        // Act
        using var response = await client.SubmitFormAsync(Page, new Dictionary<string, string> { ["Input.Password"] = PortalFactory.DemoPassword }, "form[data-testid=remove-form]");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PasskeyCountAsync(email)).ShouldBe(0);
        (await AuditActionsAsync(email)).ShouldContain(SecurityEvents.PasskeyRemoved);
        var notice = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && (m.Subject ?? string.Empty).Contains("passkey was removed", StringComparison.Ordinal));
        (notice.TextBody ?? string.Empty).ShouldContain("\"Phone\"");
        (await client.GetDocumentAsync("/account/security")).QuerySelector("[data-testid=passkey-count]")!.TextContent.ShouldStartWith("You have no passkeys.");
    }

    [Fact]
    public async Task SignInOptions_Anonymous_DiscoverableRequestForTheConfiguredDomain()
    {
        // Arrange
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        // Act
        using var response = await PostOptionsAsync(client, "/account/login", "[data-passkey-sign-in]", []);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        json.RootElement.GetProperty("rpId").GetString().ShouldBe("localhost");
        json.RootElement.GetProperty("userVerification").GetString().ShouldBe("required");
        (json.RootElement.TryGetProperty("allowCredentials", out var allowed) && allowed.GetArrayLength() > 0).ShouldBeFalse();
    }

    [Fact]
    public async Task SignIn_ForgedPasskeyAnswer_RefusedWithMessageAndAudited()
    {
        // Arrange
        using var client = portal.CreateClient();
        using var options = await PostOptionsAsync(client, "/account/login", "[data-passkey-sign-in]", []);
        options.StatusCode.ShouldBe(HttpStatusCode.OK);
        var forged = """{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{"clientDataJSON":"e30","authenticatorData":"AA","signature":"AA","userHandle":null},"clientExtensionResults":{}}""";

        // Act
        using var response = await client.SubmitFormAsync("/account/login", new Dictionary<string, string> { ["CredentialJson"] = forged }, "form[data-passkey-sign-in]");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-testid=passkey-error]")!.TextContent.ShouldContain("not registered");
        (await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Subject == SecurityEvents.UnknownPasskey && e.Action == SecurityEvents.SignInFailed, Token))).ShouldBeTrue();
        using var home = await client.GetAsync(new Uri("/profile", UriKind.Relative), Token);
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignIn_NoOptionsStep_ExpiredMessage()
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        using var response = await client.SubmitFormAsync("/account/login", new Dictionary<string, string> { ["CredentialJson"] = "{}" }, "form[data-passkey-sign-in]");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-testid=passkey-error]")!.TextContent.ShouldContain("expired");
    }

    private async Task<(string Email, HttpClient Client)> NewMemberAsync()
    {
        var email = $"passkey.{Guid.NewGuid():N}@demo.cec.example";
        await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, "Ana Costa", Roles.Member) { Password = PortalFactory.DemoPassword });
        return (email, await portal.SignedInClientAsync(email));
    }

    /// <summary>What the script does first: posts the form (antiforgery token included) to its options URL.</summary>
    private static async Task<HttpResponseMessage> PostOptionsAsync(HttpClient client, string page, string formSelector, Dictionary<string, string> fields)
    {
        var document = await client.GetDocumentAsync(page);
        var form = (IHtmlFormElement)document.QuerySelector($"form{formSelector}")!;
        var values = form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name)).ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(form.GetAttribute("data-options-url")!, UriKind.Relative), content, Token);
    }

    /// <summary>A passkey as Identity stores it after a ceremony (the ceremony itself is the browser test's part).</summary>
    private async Task AddStoredPasskeyAsync(string email, string name)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var passkey = new UserPasskeyInfo(
            System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), System.Security.Cryptography.RandomNumberGenerator.GetBytes(77), DateTimeOffset.UtcNow, 0, ["internal"],
            isUserVerified: true, isBackupEligible: false, isBackedUp: false, attestationObject: [1], clientDataJson: [2])
        {
            Name = name,
        };
        (await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded.ShouldBeTrue();
    }

    private Task<int> PasskeyCountAsync(string email) =>
        portal.WithDbAsync(db => db.UserPasskeys.CountAsync(p => db.Users.Any(u => u.Id == p.UserId && u.Email == email), Token));

    private Task<List<string>> AuditActionsAsync(string email) =>
        portal.WithDbAsync(db => db.AuditEntries.Where(e => db.Users.Any(u => u.Email == email && e.Subject == "user:" + u.Id)).Select(e => e.Action).ToListAsync(Token));
}

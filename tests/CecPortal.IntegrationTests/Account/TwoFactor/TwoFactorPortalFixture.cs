using System.Net;
using AngleSharp.Html.Dom;
using CecPortal.Testing;
using CecPortal.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace CecPortal.IntegrationTests.Account.TwoFactor;

/// <summary>
/// A portal on a fake clock, so tests choose which 30-second step a code belongs to, with the staff two-step rule on
/// (the default for every other test is off).
/// </summary>
public sealed class TwoFactorPortalFixture : PortalFixture
{
    public const string Password = "a long enough test passphrase";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Security:RequireStaffMfa"] = "true",
    };

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    /// <summary>A fresh confirmed account with <see cref="Password"/>, so tests never share lockout counts or keys.</summary>
    public async Task<string> NewAccountAsync(string role = Roles.Member)
    {
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@mfa.example";
        await TestUsers.CreateAsync(Factory.Services, new TestUser(email, "Test Person", role) { Password = Password });
        return email;
    }

    public async Task<HttpClient> PasswordSignedInAsync(string email)
    {
        var client = CreateClient();
        using var response = await client.SignInAsync(email, Password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>The next 30-second step, so the next code is new for the portal.</summary>
    public void NextStep() => Clock.Advance(TimeSpan.FromSeconds(30));

    /// <summary>Enrols through the page: reads the key shown, types the app's current code and the password.</summary>
    public async Task<Enrolled> EnrolAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/account/security/authenticator");
        var key = ((IHtmlInputElement)page.QuerySelector("[data-testid=authenticator-key-raw]")!).Value;
        using var response = await client.SubmitFormAsync("/account/security/authenticator", new Dictionary<string, string>
        {
            ["Input.Code"] = TotpCodes.At(key, Clock.GetUtcNow()),
            ["Input.Password"] = Password,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var codesPage = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        var codes = codesPage.QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        return new Enrolled(key, codes);
    }

    /// <summary>Password, then the code step; returns the response to the code.</summary>
    public async Task<HttpResponseMessage> SignInWithCodeAsync(HttpClient client, string email, string code)
    {
        using var password = await client.SignInAsync(email, Password);
        password.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        password.Headers.Location!.OriginalString.ShouldStartWith("/account/login/code");
        return await client.SubmitFormAsync(password.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Input.Code"] = code });
    }
}

public sealed record Enrolled(string Key, IReadOnlyList<string> RecoveryCodes);

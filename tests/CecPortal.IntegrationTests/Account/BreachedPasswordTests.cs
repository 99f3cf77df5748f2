using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using CecPortal.IntegrationTests.Infrastructure.Operations;
using CecPortal.Testing;
using CecPortal.Web.Features.Account.BreachedPasswords;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;
using static CecPortal.IntegrationTests.Account.CredentialTestKit;

namespace CecPortal.IntegrationTests.Account;

/// <summary>
/// A range API on a loopback port, started by the test: it lists <see cref="Listed"/> (and pads every answer with
/// count-0 lines, one of them <see cref="Unlisted"/>), answers <see cref="Slow"/>'s range after the portal's timeout
/// and <see cref="Failing"/>'s with a 500. The portal's logs are captured.
/// </summary>
public sealed class BreachRangeFixture : PortalFixture, IAsyncLifetime
{
    public const string Listed = "Breached-but-long-passphrase-91";
    public const string Unlisted = "Unlisted-orchid-lantern-58";
    public const string Slow = "Slow-range-answer-passphrase-17";
    public const string Failing = "Failing-range-answer-passphrase-23";

    private WebApplication? _range;

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Each request the range API received: its path and its Add-Padding header.</summary>
    public ConcurrentQueue<(string Path, string Padding)> Requests { get; } = new();

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Security:BreachedPasswords:RangeApiUrl"] = RangeAddress,
        // Every answer but the slow one must arrive within it, on a machine the whole suite loads: at 0.5 s, the failing
        // range's 500 once came after the timeout, and the check reported "timed out" instead.
        ["Security:BreachedPasswords:Timeout"] = "00:00:05",
    };

    private string RangeAddress { get; set; } = string.Empty;

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);

    public new async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _range = builder.Build();
        _range.MapGet("/api/range/{prefix}", AnswerAsync);
        await _range.StartAsync();
        var address = _range.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        RangeAddress = address + "/api";
        await base.InitializeAsync();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_range is not null)
        {
            await _range.DisposeAsync();
        }
    }

    private async Task<IResult> AnswerAsync(string prefix, HttpContext context)
    {
        Requests.Enqueue((context.Request.Path.Value!, context.Request.Headers["Add-Padding"].ToString()));
        if (prefix == PwnedRange.Split(Slow).Prefix)
        {
            await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
        }

        if (prefix == PwnedRange.Split(Failing).Prefix)
        {
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        var lines = new List<string> { "0018A45C4D1DEF81644B54AB7F969B88D65:3", "00D4F6E8FA6EECAD2A3AA415EEC418D38EC:0" };
        var (listedPrefix, listedSuffix) = PwnedRange.Split(Listed);
        if (prefix == listedPrefix)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{listedSuffix}:{42}"));
        }

        var (unlistedPrefix, unlistedSuffix) = PwnedRange.Split(Unlisted);
        if (prefix == unlistedPrefix)
        {
            lines.Add($"{unlistedSuffix}:0");
        }

        return Results.Text(string.Join("\r\n", lines));
    }
}

/// <summary>The optional breached-password check: refuses a listed password on every new-password form, fails open.</summary>
public sealed class BreachedPasswordTests(BreachRangeFixture portal) : IClassFixture<BreachRangeFixture>
{
    [Fact]
    public async Task ChangePassword_ListedInTheRange_RefusedWithAClearMessage()
    {
        // Arrange
        var email = await AddMemberAsync(portal, "breach-change");
        using var client = await portal.SignedInClientAsync(email);

        // Act
        using var response = await client.SubmitFormAsync("/account/change-password", NewPassword(BreachRangeFixture.Listed, PortalFactory.DemoPassword));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.NewPassword']")!.TextContent.ShouldBe(BreachedPasswordValidator.Message);
        var (prefix, suffix) = PwnedRange.Split(BreachRangeFixture.Listed);
        portal.Requests.ShouldContain(($"/api/range/{prefix}", "true"));
        portal.Requests.ShouldAllBe(r => !r.Path.Contains(suffix, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ResetPassword_ListedInTheRange_Refused()
    {
        // Arrange
        var email = await AddMemberAsync(portal, "breach-reset");
        var link = await ResetLinkAsync(portal, email);
        using var client = portal.CreateClient();

        // Act
        using var response = await client.SubmitFormAsync(link, NewPassword(BreachRangeFixture.Listed));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.NewPassword']")!.TextContent.ShouldBe(BreachedPasswordValidator.Message);
    }

    [Fact]
    public async Task Welcome_ListedInTheRange_Refused()
    {
        // Arrange
        var (_, link) = await AddInvitedMemberAsync(portal, "breach-welcome");
        using var client = portal.CreateClient();

        // Act
        using var response = await client.SubmitFormAsync(link, NewPassword(BreachRangeFixture.Listed));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.NewPassword']")!.TextContent.ShouldBe(BreachedPasswordValidator.Message);
    }

    [Fact]
    public async Task ChangePassword_NotListedOrOnlyInPadding_Accepted()
    {
        // Arrange
        var email = await AddMemberAsync(portal, "breach-unlisted");
        using var client = await portal.SignedInClientAsync(email);

        // Act
        using var response = await client.SubmitFormAsync("/account/change-password", NewPassword(BreachRangeFixture.Unlisted, PortalFactory.DemoPassword));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        portal.Requests.ShouldContain(r => r.Path == $"/api/range/{PwnedRange.Split(BreachRangeFixture.Unlisted).Prefix}");
    }

    [Theory]
    [InlineData(BreachRangeFixture.Slow, "timed out")]
    [InlineData(BreachRangeFixture.Failing, "HTTP 500")]
    public async Task ChangePassword_RangeApiSlowOrFailing_AcceptedAndOneLogLineWithoutThePassword(string password, string reason)
    {
        // Arrange
        var email = await AddMemberAsync(portal, "breach-open");
        using var client = await portal.SignedInClientAsync(email);
        var (prefix, suffix) = PwnedRange.Split(password);

        // The class's log is shared by its tests, and on a loaded machine another test's check may time out too: count
        // this request's lines only.
        int Unavailable() => portal.Logs.Lines.Count(l => l.Contains($"Breached-password check unavailable ({reason})", StringComparison.Ordinal));
        var before = Unavailable();

        // Act
        using var response = await client.SubmitFormAsync("/account/change-password", NewPassword(password, PortalFactory.DemoPassword));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (Unavailable() - before).ShouldBe(1);
        portal.Logs.Lines.ShouldAllBe(l => !l.Contains(password, StringComparison.Ordinal) && !l.Contains(prefix, StringComparison.OrdinalIgnoreCase) && !l.Contains(suffix, StringComparison.OrdinalIgnoreCase));
    }
}

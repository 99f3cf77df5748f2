using System.Net;
using CecPortal.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static CecPortal.IntegrationTests.Account.CredentialTestKit;

namespace CecPortal.IntegrationTests.Account;

/// <summary>A portal whose requests come from one documentation address (the test server has no client address of its own).</summary>
public sealed class ClientAddressFixture : PortalFixture
{
    public static readonly IPAddress ClientAddress = IPAddress.Parse("198.51.100.23");

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IStartupFilter, FixedClientAddress>();

    private sealed class FixedClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = ClientAddress;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Every password change, reset or first password is told to the account's address: who, when, from where, and what to do.</summary>
public sealed class PasswordChangeNoticeTests(ClientAddressFixture portal) : IClassFixture<ClientAddressFixture>
{
    private const string NewPasswordText = "Orchid-lantern-fjord-5813";

    [Fact]
    public async Task ChangePassword_Succeeds_EmailsTheHolderWhoWhenWhereAndWhatToDo()
    {
        // Arrange
        var email = await AddMemberAsync(portal, "notice-change");
        using var client = await portal.SignedInClientAsync(email);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(FirefoxOnLinux);
        var before = DateTimeOffset.UtcNow;

        // Act
        using var response = await client.SubmitFormAsync("/account/change-password", NewPassword(NewPasswordText, PortalFactory.DemoPassword));
        var notice = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        notice.Subject.ShouldBe("Your CEC Portal password was changed");
        var text = notice.TextBody!;
        text.ShouldContain(FormattableString.Invariant($"account {email} was changed on {before:dddd d MMMM yyyy} at "));
        text.ShouldContain(FormattableString.Invariant($"({before:yyyy-MM-dd}T"));
        text.ShouldContain("UTC");
        text.ShouldContain("from the address 198.51.100.23 using Firefox on Linux");
        text.ShouldContain("If it was not you");
        text.ShouldContain("/account/forgot-password");
        text.ShouldNotContain(NewPasswordText);
        text.ShouldNotContain(PortalFactory.DemoPassword);
    }

    [Fact]
    public async Task ChangePassword_Refused_SendsNoNotice()
    {
        // Arrange
        var email = await AddMemberAsync(portal, "notice-refused");
        using var client = await portal.SignedInClientAsync(email);

        // Act
        using var wrong = await client.SubmitFormAsync("/account/change-password", NewPassword(NewPasswordText, WrongPassword));
        using var weak = await client.SubmitFormAsync("/account/change-password", NewPassword("password1234", PortalFactory.DemoPassword));
        var other = await AddMemberAsync(portal, "notice-after");
        await TriggerChangeAsync(other);
        await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == other));

        // Assert
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        weak.StatusCode.ShouldBe(HttpStatusCode.OK);
        portal.Smtp.Messages.ShouldNotContain(m => m.To.Mailboxes.Any(a => a.Address == email));
    }

    [Fact]
    public async Task ResetPassword_FromTheEmailedLink_EmailsTheHolder()
    {
        // Arrange
        var email = await AddMemberAsync(portal, "notice-reset");
        var link = await ResetLinkAsync(portal, email);
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(FirefoxOnLinux);

        // Act
        using var response = await client.SubmitFormAsync(link, NewPassword(NewPasswordText));
        var notice = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        notice.Subject.ShouldBe("Your CEC Portal password was changed");
        notice.TextBody!.ShouldContain("was reset with a link sent to this address");
        notice.TextBody!.ShouldContain("from the address 198.51.100.23 using Firefox on Linux");
    }

    [Fact]
    public async Task Welcome_FirstPasswordSet_EmailsTheHolder()
    {
        // Arrange
        var (email, link) = await AddInvitedMemberAsync(portal, "notice-welcome");
        using var client = portal.CreateClient();

        // Act
        using var response = await client.SubmitFormAsync(link, NewPassword(NewPasswordText));
        var notice = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        notice.TextBody!.ShouldContain("was set for the first time");
        notice.TextBody!.ShouldContain("198.51.100.23");
    }

    private async Task TriggerChangeAsync(string email)
    {
        using var client = await portal.SignedInClientAsync(email);
        using var response = await client.SubmitFormAsync("/account/change-password", NewPassword(NewPasswordText, PortalFactory.DemoPassword));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}

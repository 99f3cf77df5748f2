using System.Net;
using System.Text.RegularExpressions;
using CecPortal.Testing;
using CecPortal.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;
using Shouldly;

namespace CecPortal.IntegrationTests.Infrastructure.Email;

/// <summary>Mail leaves through the outbox: a Hangfire job on PostgreSQL storage delivers it to a real SMTP server.</summary>
public sealed partial class EmailDeliveryTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task ForgotPassword_ForMember_DeliversMultipartEmailThroughHangfireJob()
    {
        const string email = "l.rossi@demo.cec.example";
        using var client = portal.CreateClient();

        using var response = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var message = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        message.Subject.ShouldBe("Reset your CEC Portal password");
        message.Body!.ContentType.MimeType.ShouldBe("multipart/alternative");
        message.HtmlBody!.ShouldContain("/account/reset-password?email=");
        message.TextBody!.ShouldContain("/account/reset-password?email=");
        message.From.Mailboxes.Single().Address.ShouldBe("portal@cec.example");
    }

    [Fact]
    public async Task DeliveryJob_AfterSending_RecordsSuccessInPortalAndHangfireTables()
    {
        const string email = "p.garcia@demo.cec.example";
        using var client = portal.CreateClient();

        using var response = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));
        var record = await WaitForAsync(() => portal.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(e => e.To == email)), r => r.SentAt is not null);

        record.Attempts.ShouldBe(1);
        record.HtmlBody.ShouldBeNull();
        record.TextBody.ShouldBeNull();
        var jobState = await WaitForAsync(() => HangfireJobStateAsync(record.Id), state => state == "Succeeded");
        jobState.ShouldBe("Succeeded");
    }

    [Fact]
    public async Task ResetLink_FromEmail_SetsNewPasswordThatSignsIn()
    {
        const string email = "e.dejong@demo.cec.example";
        const string newPassword = "Brand-new-Passw0rd!";
        using var client = portal.CreateClient();
        using var request = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var message = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));
        var link = new Uri(ResetLink().Match(message.TextBody!).Value);

        using var reset = await client.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        using var signIn = await client.SignInAsync(email, newPassword);

        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reset.Headers.Location!.OriginalString.ShouldBe("/account/login");
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task ResetPassword_WithWeakPassword_ReshowsFormWithRuleAndKeepsEmail()
    {
        using var client = portal.CreateClient();

        using var response = await client.SubmitFormAsync("/account/reset-password?code=abc&email=k.huber%40demo.cec.example", new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "short",
            ["Input.ConfirmPassword"] = "different",
        });
        var page = await response.ReadDocumentAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.NewPassword']")!.TextContent.ShouldContain("12");
        page.QuerySelector("[data-valmsg-for='Input.ConfirmPassword']")!.TextContent.ShouldContain("do not match");
        page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value").ShouldBe("k.huber@demo.cec.example");
    }

    [Fact]
    public async Task ResetPassword_WithForgedCode_ExplainsTheLinkIsInvalid()
    {
        using var client = portal.CreateClient();

        using var response = await client.SubmitFormAsync("/account/reset-password?code=Zm9yZ2Vk&email=k.huber%40demo.cec.example", new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "Valid-Passw0rd!xyz",
            ["Input.ConfirmPassword"] = "Valid-Passw0rd!xyz",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("expired or was already used");
    }

    [Fact]
    public async Task ForgotPassword_ForUnknownAddress_AnswersTheSameAndSendsNothing()
    {
        using var client = portal.CreateClient();
        var before = await portal.WithDbAsync(db => db.OutboundEmails.CountAsync());

        using var response = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "nobody@nowhere.example" });

        await AfterEarlierRequestsAsync(client, "t.peeters@demo.cec.example");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("sent=True", Case.Insensitive);
        (await portal.WithDbAsync(db => db.OutboundEmails.CountAsync())).ShouldBe(before + 1, "only the later member's reset email");
    }

    [Fact]
    public async Task ForgotPassword_ForSuspendedMember_SendsNothing()
    {
        const string email = "g.papadopoulos@demo.cec.example";
        await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.SuspendedAt, DateTimeOffset.UtcNow).SetProperty(x => x.SuspensionReason, "Test")));
        using var client = portal.CreateClient();

        using var response = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        await AfterEarlierRequestsAsync(client, "k.huber@demo.cec.example");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await portal.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.To == email))).ShouldBe(0);
    }

    /// <summary>
    /// Forgot-password looks the address up after the response; a later request whose reset email has arrived shows
    /// that the earlier one's work is done too.
    /// </summary>
    private async Task AfterEarlierRequestsAsync(HttpClient client, string memberEmail)
    {
        using var later = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = memberEmail });
        await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == memberEmail));
    }

    [Fact]
    public async Task EmailSender_DirectSend_ArrivesWithHtmlAndTextParts()
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<EmailSender>();

        await sender.SendAsync(EmailTemplate.Compose("direct@cec.example", "Direct test", ["First paragraph."], ("Open", "http://localhost/x")), TestContext.Current.CancellationToken);
        var message = await portal.Smtp.WaitForAsync(m => m.Subject == "Direct test");

        var parts = message.BodyParts.OfType<TextPart>().Select(p => p.ContentType.MimeType).ToList();
        parts.ShouldBe(["text/plain", "text/html"], ignoreOrder: true);
    }

    private async Task<string?> HangfireJobStateAsync(Guid outboundEmailId)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT statename FROM hangfire.job WHERE invocationdata::text LIKE '%DeliverEmailJob%' AND arguments::text LIKE @id ORDER BY id DESC LIMIT 1",
            connection);
        command.Parameters.AddWithValue("id", $"%{outboundEmailId}%");
        return await command.ExecuteScalarAsync() as string;
    }

    internal static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"http://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}

using System.Net;
using System.Text.RegularExpressions;
using CecPortal.IntegrationTests.Briefings;
using CecPortal.Testing;
using CecPortal.Web.Infrastructure.Email;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using static CecPortal.IntegrationTests.Briefings.BriefingDeliveryFixture;

namespace CecPortal.IntegrationTests.Security;

/// <summary>
/// A message waiting in the outbox while SMTP is down is encrypted at rest: a copy of the database does not hand out the
/// password-reset link in it, nor the person's name. Once the server answers, the message goes out readable.
/// </summary>
public sealed partial class OutboxAtRestTests(BriefingDeliveryFixture portal) : IClassFixture<BriefingDeliveryFixture>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await portal.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ForgotPassword_WhileSmtpIsDown_QueuedRowHoldsNoLinkOrNameAndTheMailStillResetsOnceDelivered()
    {
        // Arrange: the SMTP server refuses every recipient for now.
        const string email = PortalFactory.MemberEmail;
        const string newPassword = "Queued-while-down-Passw0rd!";
        var fullName = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.FullName).SingleAsync(Token));
        portal.Sink.OnRecipient = _ => SmtpFault.TemporaryFailure;
        using var client = portal.CreateClient();

        // Act: the reset is requested, delivery fails and the message waits.
        using var request = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var id = await WaitForFailedAttemptAsync(email);
        var stored = await StoredColumnsAsync(id);

        // Assert: nothing but the recipient and subject can be read from the row.
        stored.ShouldNotContain("reset-password");
        stored.ShouldNotContain(fullName);
        stored.ShouldNotContain("member", Case.Insensitive, "neither the address nor its URL-encoded copy in the link");
        stored.ShouldContain(OutboxProtection.Prefix);

        // Act: the server is back, and the delivery job runs again.
        portal.Sink.OnRecipient = null;
        await DeliverAsync(id);
        var message = await portal.Sink.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));
        var link = new Uri(ResetLink().Match(message.TextBody!).Value);
        var code = QueryHelpers.ParseQuery(link.Query)["code"].ToString();
        using var reset = await client.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        using var signIn = await portal.CreateClient().SignInAsync(email, newPassword);

        // Assert: the mail arrived whole, its link was never in the row, and it works.
        message.TextBody!.ShouldContain($"Hello {fullName},");
        code.Length.ShouldBeGreaterThan(20);
        stored.ShouldNotContain(code);
        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reset.Headers.Location!.OriginalString.ShouldBe("/account/login");
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task DeliveryJob_RowWrittenInTheClearAroundThePortal_IsRefusedAndTheFailureRecorded()
    {
        // Arrange: a message put straight into the table, unprotected, as someone with write access to the database could.
        const string to = "planted.queue@demo.cec.example";
        var id = Guid.CreateVersion7();
        await using (var connection = new NpgsqlConnection(portal.ConnectionString))
        {
            await connection.OpenAsync(Token);
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO outbound_emails ("Id", "To", "Subject", "HtmlBody", "TextBody", "ListUnsubscribeUrl", "CreatedAt", "Attempts", "ForgetRecipient")
                VALUES (@id, @to, 'Planted', '<p>Planted body</p>', 'Planted body', 'https://portal.test/unsubscribe/planted-token', now(), 0, false)
                """,
                connection);
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("to", to);
            await insert.ExecuteNonQueryAsync(Token);
        }

        // Act
        var refusal = await Should.ThrowAsync<EmailDeliveryException>(() => DeliverAsync(id));

        // Assert: nothing reached the SMTP server, and staff see why on the row.
        refusal.Message.ShouldContain(nameof(System.Security.Cryptography.CryptographicException));
        var row = await portal.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(e => e.Id == id, Token));
        row.SentAt.ShouldBeNull();
        row.LastError!.ShouldContain("not protected");
        portal.Sink.Messages.ShouldNotContain(m => m.To.Mailboxes.Any(a => a.Address == to));
    }

    /// <summary>Runs the delivery job for one message, as Hangfire's retry would.</summary>
    private async Task DeliverAsync(Guid id)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<DeliverEmailJob>(scope.ServiceProvider).RunAsync(id, Token);
    }

    private async Task<Guid> WaitForFailedAttemptAsync(string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var failed = await portal.WithDbAsync(db => db.OutboundEmails.AsNoTracking()
                .Where(e => e.To == to && e.SentAt == null && e.LastError != null)
                .Select(e => (Guid?)e.Id)
                .SingleOrDefaultAsync(Token));
            if (failed is { } id)
            {
                return id;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "the first delivery attempt did not fail in time");
            await Task.Delay(200, Token);
        }
    }

    /// <summary>Every column of the row but the recipient and subject, as a database dump shows them.</summary>
    private async Task<string> StoredColumnsAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync(Token);
        await using var select = new NpgsqlCommand("""SELECT (to_jsonb(o) - 'To' - 'Subject')::text FROM outbound_emails o WHERE "Id" = @id""", connection);
        select.Parameters.AddWithValue("id", id);
        return (string)(await select.ExecuteScalarAsync(Token))!;
    }

    [GeneratedRegex(@"https://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}

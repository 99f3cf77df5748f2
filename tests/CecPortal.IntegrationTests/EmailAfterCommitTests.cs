using CecPortal.Web.Data;
using CecPortal.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;

namespace CecPortal.IntegrationTests;

/// <summary>
/// Features only add messages to the outbox and save: the messages are handed to the job queue once the change is
/// committed, never for a change that rolled back or was abandoned.
/// </summary>
public sealed class EmailAfterCommitTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Add_SavedWithoutTransaction_IsDelivered()
    {
        // Arrange
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();

        // Act
        await outbox.QueueAsync(Mail("no-transaction"), TestContext.Current.CancellationToken);

        // Assert
        (await portal.Smtp.WaitForAsync(m => m.Subject == "no-transaction")).ShouldNotBeNull();
    }

    [Fact]
    public async Task Add_SavedInTransaction_IsEnqueuedOnlyOnceItCommits()
    {
        // Arrange
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        var id = outbox.Add(Mail("committed"));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var jobsBeforeCommit = await DeliveryJobsAsync(id);

        // Act
        await transaction.CommitAsync(TestContext.Current.CancellationToken);

        // Assert
        jobsBeforeCommit.ShouldBe(0);
        (await portal.Smtp.WaitForAsync(m => m.Subject == "committed")).ShouldNotBeNull();
        (await DeliveryJobsAsync(id)).ShouldBe(1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Add_SavedInTransactionThatRollsBackOrIsAbandoned_IsNeverEnqueuedNotEvenByTheNextCommit(bool rollBack)
    {
        // Arrange: a change that does not happen, then one that does, in the same scope and on the same database
        // connection (Npgsql gives a connection's next transaction the same transaction object)
        var subject = rollBack ? "rolled-back" : "abandoned";
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        Guid refused;
        await using (var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            refused = outbox.Add(Mail(subject));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            if (rollBack)
            {
                await transaction.RollbackAsync(TestContext.Current.CancellationToken);
            }
        }

        db.ChangeTracker.Clear();

        // Act
        await using (var next = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            outbox.Add(Mail(subject + " then committed"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await next.CommitAsync(TestContext.Current.CancellationToken);
        }

        // Assert
        await portal.Smtp.WaitForAsync(m => m.Subject == subject + " then committed");
        (await DeliveryJobsAsync(refused)).ShouldBe(0);
        (await portal.WithDbAsync(d => d.OutboundEmails.CountAsync(e => e.Id == refused))).ShouldBe(0);
        portal.Smtp.Messages.ShouldNotContain(m => m.Subject == subject);
    }

    private static EmailMessage Mail(string subject) => EmailTemplate.Compose("outbox-test@cec.example", subject, ["Hello."]);

    private async Task<long> DeliveryJobsAsync(Guid outboundEmailId)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%DeliverEmailJob%' AND arguments::text LIKE @id",
            connection);
        command.Parameters.AddWithValue("id", $"%{outboundEmailId}%");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

using CecPortal.Web.Data;
using CecPortal.Web.Infrastructure.Email;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace CecPortal.UnitTests.Infrastructure.Email;

public sealed class EmailOutboxTests
{
    [Fact]
    public void SavedChanges_JobStoreUnreachableAfterTheCommit_DoesNotThrowAndTriesEveryMessage()
    {
        // Arrange: the messages are saved outside a transaction (so committed); then the job store refuses (the database went away)
        using var db = new AppDbContext(DesignTimeDbContextFactory.StandaloneOptions("Host=127.0.0.1;Database=never-opened"));
        var jobs = new UnreachableJobStore();
        var interceptor = new EnqueueAfterCommitInterceptor(jobs, NullLogger<EnqueueAfterCommitInterceptor>.Instance);
        var outbox = new EmailOutbox(db, TimeProvider.System, new OutboxProtection(new EphemeralDataProtectionProvider()), interceptor);
        var first = outbox.Add(EmailTemplate.Compose("a@example.org", "One", ["Hello"]));
        var second = outbox.Add(EmailTemplate.Compose("b@example.org", "Two", ["Hello"]));
        interceptor.SavingChanges(new DbContextEventData(null!, (_, _) => string.Empty, db), default);

        // Act
        var thrown = Record.Exception(() => interceptor.SavedChanges(new SaveChangesCompletedEventData(null!, (_, _) => string.Empty, db, 2), 2));

        // Assert
        thrown.ShouldBeNull();
        jobs.Attempts.ShouldBe([first, second]);
    }

    /// <summary>Hangfire's client as it behaves when its storage cannot be reached.</summary>
    private sealed class UnreachableJobStore : IBackgroundJobClient
    {
        public List<Guid> Attempts { get; } = [];

        public string Create(Job job, IState state)
        {
            Attempts.Add((Guid)job.Args[0]);
            throw new BackgroundJobClientException("Background job creation failed.", new TimeoutException("The database did not answer."));
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => false;
    }
}

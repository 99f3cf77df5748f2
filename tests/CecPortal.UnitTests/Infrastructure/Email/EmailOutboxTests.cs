using CecPortal.Web.Data;
using CecPortal.Web.Infrastructure.Email;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CecPortal.UnitTests.Infrastructure.Email;

public sealed class EmailOutboxTests
{
    [Fact]
    public void EnqueuePending_JobStoreUnreachableAfterTheCommit_DoesNotThrowAndTriesEveryMessage()
    {
        // Arrange: the messages are saved; then the job store refuses (the database went away)
        using var db = new AppDbContext(DesignTimeDbContextFactory.StandaloneOptions("Host=127.0.0.1;Database=never-opened"));
        var jobs = new UnreachableJobStore();
        var outbox = new EmailOutbox(db, jobs, TimeProvider.System, new OutboxProtection(new EphemeralDataProtectionProvider()), NullLogger<EmailOutbox>.Instance);
        var first = outbox.Add(EmailTemplate.Compose("a@example.org", "One", ["Hello"]));
        var second = outbox.Add(EmailTemplate.Compose("b@example.org", "Two", ["Hello"]));

        // Act
        var thrown = Record.Exception(outbox.EnqueuePending);

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

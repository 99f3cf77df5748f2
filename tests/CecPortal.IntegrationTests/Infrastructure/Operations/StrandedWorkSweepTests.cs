using System.Net;
using CecPortal.IntegrationTests.Infrastructure.Email;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Admin.Breach;
using CecPortal.Web.Features.Webinars.Mail;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static CecPortal.IntegrationTests.Webinars.WebinarAdminTestKit;

namespace CecPortal.IntegrationTests.Infrastructure.Operations;

/// <summary>
/// A change saved just before the job store became unreachable: the person is told it was saved (it was), nothing is
/// sent yet, and the sweep hands the work to Hangfire later; running the sweep again sends nobody anything twice.
/// </summary>
public sealed class StrandedWorkSweepTests(StrandedWorkSweepTests.StoreDownOnceFixture portal) : IClassFixture<StrandedWorkSweepTests.StoreDownOnceFixture>
{
    [Fact]
    public async Task BreachNotice_JobStoreDownAfterTheCommit_IsSavedAndSentOnceByTheSweep()
    {
        // Arrange
        var person = await portal.CreateUserAsync("stranded.breach@sweep.example", "Stranded Breach", Roles.Member);
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == person)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.CreatedAt, new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero)), Token));
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var failuresBefore = portal.Jobs.Failures;
        portal.Jobs.FailNext<SendBreachNoticeJob>();

        // Act
        using var response = await admin.SubmitFormValuesAsync("/admin/breach/new?handler=Send",
        [
            new("Input.Categories", "Profile"), new("Input.To", "2021-12-31"),
            new("Input.Subject", "Stranded notice"), new("Input.Body", "Our directory export was exposed."),
        ]);
        var notice = await portal.WithDbAsync(db => db.BreachNotices.AsNoTracking().SingleAsync(n => n.Subject == "Stranded notice", Token));
        await JobQueues.UntilIdleAsync(portal.Factory.Services);
        var sentBeforeTheSweep = portal.Smtp.Messages.Count(m => m.Subject == "Stranded notice");
        var tooEarly = await SweepBreachNoticesAsync();
        await portal.WithDbAsync(db => db.BreachNotices.Where(n => n.Id == notice.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-6)), Token));
        var swept = await SweepBreachNoticesAsync();
        await portal.Smtp.WaitForAsync(m => m.Subject == "Stranded notice" && m.To.ToString().Contains("stranded.breach@sweep.example", StringComparison.Ordinal));
        await EmailDeliveryTests.WaitForAsync(() => portal.WithDbAsync(db => db.BreachNotices.AnyAsync(n => n.Id == notice.Id && n.QueuedAt != null, Token)), queued => queued);
        var sweptAgain = await SweepBreachNoticesAsync();
        await JobQueues.UntilIdleAsync(portal.Factory.Services);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the notice was saved, so the Admin is not told it failed");
        (portal.Jobs.Failures - failuresBefore).ShouldBe(1, "the enqueue after the commit failed");
        sentBeforeTheSweep.ShouldBe(0);
        tooEarly.ShouldBe(0, "a notice younger than five minutes may still be on its way");
        swept.ShouldBe(1);
        sweptAgain.ShouldBe(0);
        portal.Smtp.Messages.Count(m => m.Subject == "Stranded notice" && m.To.ToString().Contains("stranded.breach@sweep.example", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Announcement_JobStoreDownAfterTheCommit_IsSentOnceByTheSweep()
    {
        // Arrange
        var member = await AddMemberAsync(portal, "Stranded Announcement");
        var session = await AddSessionAsync(portal, "Stranded announcement", daysAhead: 50);
        using var editor = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        using var confirm = await SubmitAsync(editor, SessionPath(session.Id), "[data-testid=confirm-form]", new Dictionary<string, string>());
        var failuresBefore = portal.Jobs.Failures;
        portal.Jobs.FailNext<WebinarAnnouncements>();

        // Act
        using var announce = await SubmitAsync(editor, SessionPath(session.Id), "[data-testid=announce-form]", new Dictionary<string, string>());
        await JobQueues.UntilIdleAsync(portal.Factory.Services);
        var announcedBeforeTheSweep = await portal.WithDbAsync(db => db.WebinarAnnouncements.CountAsync(a => a.SessionId == session.Id, Token));
        await portal.WithDbAsync(db => db.WebinarSessions.Where(s => s.Id == session.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.AnnouncedAt, DateTimeOffset.UtcNow.AddMinutes(-6)), Token));
        var swept = await SweepAnnouncementsAsync();
        await portal.Smtp.WaitForAsync(m => m.Subject == "New peer webinar: Stranded announcement" && m.To.ToString().Contains(member.Email, StringComparison.Ordinal));
        var sweptAgain = await SweepAnnouncementsAsync();

        // Assert
        announce.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the announcement was saved, so the editor is not told it failed");
        (portal.Jobs.Failures - failuresBefore).ShouldBe(1, "the enqueue after the commit failed");
        announcedBeforeTheSweep.ShouldBe(0);
        swept.ShouldBe(1);
        sweptAgain.ShouldBe(0, "once anyone has had it, the job ran");
        (await portal.WithDbAsync(db => db.WebinarAnnouncements.CountAsync(a => a.SessionId == session.Id && a.MemberId == member.Id, Token))).ShouldBe(1);
    }

    private async Task<int> SweepBreachNoticesAsync()
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<BreachNoticeSweepJob>(scope.ServiceProvider).RunAsync(Token);
    }

    private async Task<int> SweepAnnouncementsAsync()
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<WebinarAnnouncementSweepJob>(scope.ServiceProvider).RunAsync(Token);
    }

    /// <summary>The portal with Hangfire's client wrapped so that one chosen enqueue fails as an unreachable store does.</summary>
    public sealed class StoreDownOnceFixture : PortalFixture
    {
        public StoreDownOnceClient Jobs { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            var original = services.Last(d => d.ServiceType == typeof(IBackgroundJobClient));
            services.Remove(original);
            services.AddSingleton<IBackgroundJobClient>(provider =>
            {
                Jobs.Inner = original.ImplementationFactory is { } factory
                    ? (IBackgroundJobClient)factory(provider)
                    : (IBackgroundJobClient)(original.ImplementationInstance ?? ActivatorUtilities.CreateInstance(provider, original.ImplementationType!));
                return Jobs;
            });
        }
    }

    /// <summary>Hangfire's own client, failing once for the job type asked for with the exception an unreachable store gives.</summary>
    public sealed class StoreDownOnceClient : IBackgroundJobClient
    {
        private Type? _failFor;
        private int _failures;

        public IBackgroundJobClient Inner { get; set; } = null!;

        public int Failures => Volatile.Read(ref _failures);

        public void FailNext<TJob>() => Volatile.Write(ref _failFor, typeof(TJob));

        public string Create(Job job, IState state)
        {
            ArgumentNullException.ThrowIfNull(job);
            if (job.Type == Volatile.Read(ref _failFor) && Interlocked.CompareExchange(ref _failFor, null, job.Type) == job.Type)
            {
                Interlocked.Increment(ref _failures);
                throw new BackgroundJobClientException("Background job creation failed.", new TimeoutException("The database did not answer."));
            }

            return Inner.Create(job, state);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => Inner.ChangeState(jobId, state, expectedState);
    }
}

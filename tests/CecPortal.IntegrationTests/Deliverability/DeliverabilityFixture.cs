using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Deliverability;
using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CecPortal.IntegrationTests.Deliverability;

/// <summary>
/// A portal with VERP on (<c>Email:BounceAddress</c>), sending to a scriptable <see cref="LeanSmtpSink"/> that records
/// envelopes, and reading its bounce mailbox from a real Dovecot over IMAPS. The fan-out runs as one chunk on one
/// SMTP connection, so a refusal in the middle of it shows whether the rest of the chunk still goes.
/// </summary>
public sealed class DeliverabilityFixture : PortalFixture, IAsyncLifetime
{
    public const string BounceDomain = "cec.test";

    /// <summary>A fixed test key: tokens built by the tests verify in the portal.</summary>
    public static readonly string SigningKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public LeanSmtpSink Sink { get; } = new();

    public DovecotServer Mailbox { get; private set; } = null!;

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>(Mailbox.PortalSettings)
    {
        ["Email:Port"] = Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:BounceAddress"] = "bounces@" + BounceDomain,
        ["Email:BounceSigningKey"] = SigningKey,
        ["Briefings:ChunkSize"] = "500",
        ["Briefings:SmtpConcurrency"] = "1",
        ["Briefings:MaxAttempts"] = "3",
        ["Briefings:LeaseDuration"] = "00:00:05",
        ["Briefings:RetryBackoff"] = "00:00:00.300",
        ["Portal:BaseUrl"] = "https://portal.test",
    };

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        Mailbox = await DovecotServer.StartAsync();
        await InitializeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        await Sink.DisposeAsync();
        await Mailbox.DisposeAsync();
    }

    /// <summary>Every test starts without briefings and with a well-behaved SMTP server.</summary>
    public async Task ResetAsync()
    {
        Sink.OnRecipient = null;
        Sink.OnData = null;
        await WithDbAsync(db => db.Briefings.ExecuteDeleteAsync(Token));
    }

    /// <summary>Today's briefing, published, as the morning job finds it.</summary>
    public async Task<Briefing> PublishTodaysBriefingAsync(string title)
    {
        var editorId = await UserIdAsync(PortalFactory.EditorEmail);
        var now = DateTimeOffset.UtcNow;
        var briefing = Briefing.Create(
            new BriefingOptions().Today(TimeProvider.System),
            new BriefingContent(title, $"{title}: patch now.", $"<p>{title}: patch now.</p>", TlpLabel.Amber, []),
            editorId,
            now);
        briefing.Schedule(editorId, now);
        briefing.Publish(now);
        await WithDbAsync(async db =>
        {
            db.Briefings.Add(briefing);
            return await db.SaveChangesAsync(Token);
        });
        return briefing;
    }

    /// <summary>Runs the morning job and waits until every delivery of the briefing is settled.</summary>
    public async Task SendAsync(Briefing briefing)
    {
        await WithServiceAsync<Web.Features.Briefings.Delivery.MorningBriefingJob>(job => job.RunAsync(Token));
        await Briefings.BriefingDeliveryFixture.WaitUntilAsync(
            () => WithDbAsync(async db => (await db.Briefings.AsNoTracking().SingleAsync(b => b.Id == briefing.Id, Token)).Status == BriefingStatus.Sent),
            "the briefing to be sent");
    }

    /// <summary>A member who can sign in with the demo password; returns their id.</summary>
    public Task<string> CreateMemberAsync(string email, string fullName) =>
        TestUsers.CreateAsync(Factory.Services, new TestUser(email, fullName, Roles.Member)
        {
            JobTitle = "CISO",
            Organisation = $"{fullName} Ltd",
            CountryCode = "BE",
            SectorCode = "energy",
            Password = PortalFactory.DemoPassword,
        });

    /// <summary>The return-path token of the message the sink accepted for <paramref name="recipient"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<string> TokenOfAsync(string recipient, string subject)
    {
        var message = await Sink.WaitForMessageAsync(m => m.Recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase) && (m.Message.Subject ?? string.Empty).Contains(subject, StringComparison.Ordinal));
        return TokenIn(message.Sender);
    }

    public static string TokenIn(string envelopeSender)
    {
        var plus = envelopeSender.IndexOf('+', StringComparison.Ordinal);
        var at = envelopeSender.LastIndexOf('@');
        return envelopeSender[(plus + 1)..at];
    }

    /// <summary>A corpus message with its placeholders filled: the token, the recipient, the unsubscribe link, a number.</summary>
    public static MimeMessage Corpus(string name, string token, string recipient, string unsubscribe = "https://portal.test/unsubscribe/none", int n = 0)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Deliverability", "Corpus", name);
        var text = File.ReadAllText(path)
            .Replace("{{TOKEN}}", token, StringComparison.Ordinal)
            .Replace("{{RECIPIENT}}", recipient, StringComparison.Ordinal)
            .Replace("{{UNSUBSCRIBE}}", unsubscribe, StringComparison.Ordinal)
            .Replace("{{N}}", n.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .ReplaceLineEndings("\r\n");
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return MimeMessage.Load(stream);
    }

    public async Task<BounceMailboxRun> RunBounceJobAsync()
    {
        BounceMailboxRun run = BounceMailboxRun.Nothing;
        await WithServiceAsync<BounceMailboxJob>(async job => run = await job.RunAsync(Token));
        return run;
    }

    public Task<PortalUser> UserAsync(string id) => WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id, Token));

    public Task<List<MailBounce>> BouncesOfAsync(string memberId) =>
        WithDbAsync(db => db.MailBounces.AsNoTracking().Where(b => b.MemberId == memberId).OrderBy(b => b.Id).ToListAsync(Token));

    public Task<Guid> QueueEmailAsync(string to, string subject, bool mailing) =>
        WithServiceAsync<EmailOutbox, Guid>(outbox => outbox.QueueAsync(
            new EmailMessage(to, subject, "<p>Hello</p>", "Hello", ListUnsubscribeUrl: mailing ? "https://portal.test/unsubscribe/x" : null), Token));

    public async Task<TResult> WithServiceAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

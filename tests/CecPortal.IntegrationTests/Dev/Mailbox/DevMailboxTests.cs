using System.Net;
using CecPortal.IntegrationTests.Infrastructure.Email;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.SharedKernel;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Shouldly;

namespace CecPortal.IntegrationTests.Dev.Mailbox;

/// <summary>With no SMTP host in Development, mail is kept as .eml files and shown at /dev/mailbox.</summary>
public sealed class DevMailboxTests : IAsyncLifetime
{
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), $"cecportal-mailbox-{Guid.NewGuid():N}");
    private PortalFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("mailbox");
        _factory = new PortalFactory(connectionString, smtpPort: null, new Dictionary<string, string?> { ["Portal:DataDirectory"] = _dataRoot });
    }

    [Fact]
    public async Task ForgotPassword_WithoutSmtpHost_ShowsMessageWithClickableLinkInMailbox()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "r.silva@demo.cec.example" });

        var mailbox = await EmailDeliveryTests.WaitForAsync(
            () => client.GetDocumentAsync("/dev/mailbox"),
            page => page.QuerySelector("[data-testid=mailbox]") is not null);
        var row = mailbox.QuerySelectorAll("[data-testid=mailbox] tbody tr").Single();
        var messagePath = row.QuerySelector("a")!.GetAttribute("href")!;
        var message = await client.GetDocumentAsync(messagePath);
        using var html = await client.GetAsync(new Uri(messagePath + "?handler=Html", UriKind.Relative), TestContext.Current.CancellationToken);

        row.TextContent.ShouldContain("r.silva@demo.cec.example");
        row.TextContent.ShouldContain("Reset your CEC Portal password");
        message.QuerySelector("[data-testid=mail-links] a")!.GetAttribute("href")!.ShouldContain("/account/reset-password?email=r.silva");
        message.QuerySelector("[data-testid=mail-text]")!.TextContent.ShouldContain("Choose a new password");
        html.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("sandbox");
        (await html.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(" href=\"http://localhost:5080/account/reset-password");
        Directory.GetFiles(Path.Combine(_dataRoot, "mail"), "*.eml").Length.ShouldBe(1);
    }

    [Fact]
    public async Task MorningBriefing_WithoutSmtpHost_KeepsOneEmailPerMemberInTheMailbox()
    {
        // Arrange: today's briefing, scheduled, and no SMTP host (a newcomer's first run).
        var now = DateTimeOffset.UtcNow;
        var today = new BriefingOptions().Today(TimeProvider.System);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var editorId = await db.Users.Where(u => u.Email == PortalFactory.EditorEmail).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
            var briefing = Briefing.Create(today, new BriefingContent("Mailbox edition", "Patch **now**.", "<p>Patch <strong>now</strong>.</p>", TlpLabel.Green, []), editorId, now);
            briefing.Schedule(editorId, now);
            db.Briefings.Add(briefing);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var members = await WithDbAsync(db => db.UsersInRole(Roles.Member).CountAsync(u => u.EmailConfirmed && u.SuspendedAt == null, TestContext.Current.CancellationToken));

        // Act
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MorningBriefingJob>().RunAsync(TestContext.Current.CancellationToken);
        }

        var kept = await EmailDeliveryTests.WaitForAsync(
            () => Task.FromResult(Directory.Exists(Path.Combine(_dataRoot, "mail")) ? Directory.GetFiles(Path.Combine(_dataRoot, "mail"), "*.eml") : []),
            files => files.Length >= members);

        // Assert
        members.ShouldBeGreaterThan(0);
        kept.Length.ShouldBe(members);
        var first = await MimeMessage.LoadAsync(kept[0], TestContext.Current.CancellationToken);
        first.Subject!.ShouldContain("[TLP:GREEN]");
        first.Subject!.ShouldContain("Mailbox edition");
    }

    [Fact]
    public async Task Mailbox_WhileAMessageIsBeingWritten_AnswersWithoutIt()
    {
        // Arrange: a message whose body stalls half-way through the write, as a large one does on a busy disk.
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var gate = new StalledStream();
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("portal@cec.example"));
        message.To.Add(MailboxAddress.Parse("half.written@demo.cec.example"));
        message.Subject = "Half-written message";
        message.Body = new MimePart("application", "octet-stream") { Content = new MimeContent(gate), ContentTransferEncoding = ContentEncoding.Base64 };
        await using var transport = new PickupEmailTransport(Path.Combine(_dataRoot, "mail"));
        await transport.ConnectAsync(TestContext.Current.CancellationToken);
        var writing = Task.Run(() => transport.SendAsync(message, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        await gate.Reading.WaitAsync(TestContext.Current.CancellationToken);

        // Act: the mailbox is read while the file is open for writing, then again once it is complete.
        HttpStatusCode duringStatus;
        string duringBody;
        try
        {
            using var during = await client.GetAsync(new Uri("/dev/mailbox", UriKind.Relative), TestContext.Current.CancellationToken);
            duringStatus = during.StatusCode;
            duringBody = await during.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            gate.Release();
        }

        await writing;
        var after = await client.GetDocumentAsync("/dev/mailbox");

        // Assert: never a 500 or a partial entry; the finished message is listed.
        duringStatus.ShouldBe(HttpStatusCode.OK);
        duringBody.ShouldNotContain("half.written@demo.cec.example");
        after.QuerySelector("[data-testid=mailbox]")!.TextContent.ShouldContain("Half-written message");
        Directory.GetFiles(Path.Combine(_dataRoot, "mail")).ShouldAllBe(f => f.EndsWith(".eml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Message_WithPathTraversalId_IsNotFound()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/dev/mailbox/..%2F..%2Fetc%2Fpasswd", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Mailbox_OutsideDevelopment_IsNotFound()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("prodmail");
        await using var production = new PortalFactory(connectionString, smtpPort: 25, new Dictionary<string, string?>(KeyRingCertificate.Shared.Settings)
        {
            ["environment"] = "Production",
            ["Portal:BaseUrl"] = "https://portal.cec.example",
            ["Jobs:ServerEnabled"] = "false",
        });
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.cec.example"), AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/dev/mailbox", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        try
        {
            Directory.Delete(_dataRoot, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

/// <summary>Content that hands out its first bytes, then waits until released: a write caught in the middle.</summary>
internal sealed class StalledStream : Stream
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _reading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reads;

    public Task Reading => _reading.Task;

    public override bool CanRead => true;

    // MimeKit rewinds content before writing it.
    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => 8192;

    public override long Position { get; set; }

    public void Release() => _released.TrySetResult();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        switch (_reads++)
        {
            case 0:
                buffer.Span[..Math.Min(buffer.Length, 4096)].Fill((byte)'x');
                return Math.Min(buffer.Length, 4096);
            case 1:
                _reading.TrySetResult();
                await _released.Task.WaitAsync(cancellationToken);
                return 0;
            default:
                return 0;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin == SeekOrigin.Begin ? offset : throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

using System.Net.Sockets;
using System.Text;
using CecPortal.Testing;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Shouldly;

namespace CecPortal.IntegrationTests.Support;

/// <summary>The lean sink speaks enough real SMTP for MailKit, and its faults look to MailKit like a real server's.</summary>
public sealed class LeanSmtpSinkTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_OneMessage_IsKeptParsedWithItsEnvelope()
    {
        // Arrange
        await using var sink = new LeanSmtpSink();
        using var client = await ConnectAsync(sink);
        var message = Message("m.rossi@bench.cec.example", "Daily briefing", "Patch the VPN gateways today.");

        // Act
        await client.SendAsync(message, MailboxAddress.Parse("noreply@cec.example"), [MailboxAddress.Parse("m.rossi@bench.cec.example"), MailboxAddress.Parse("audit@cec.example")], Token);
        var received = await sink.WaitForMessageAsync(m => m.Message.Subject == "Daily briefing", Timeout);

        // Assert
        received.Sender.ShouldBe("noreply@cec.example");
        received.Recipients.ShouldBe(["m.rossi@bench.cec.example", "audit@cec.example"]);
        received.Message.To.Mailboxes.Single().Address.ShouldBe("m.rossi@bench.cec.example");
        received.Message.TextBody!.ShouldContain("Patch the VPN gateways today.");
        sink.Messages.Single().Subject.ShouldBe("Daily briefing");
        sink.AcceptedMessages.ShouldBe(1);
        sink.AcceptedCount("audit@cec.example").ShouldBe(1);
        sink.AcceptedBytes.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task Send_SeveralMessagesOnOnePipelinedConnection_AllAccepted()
    {
        // Arrange
        await using var sink = new LeanSmtpSink();
        using var client = await ConnectAsync(sink);

        // Act
        for (var i = 0; i < 5; i++)
        {
            await client.SendAsync(Message($"member{i}@bench.cec.example", $"Message {i}", "Body"), Token);
        }

        await sink.WaitForCountAsync(5, Timeout);

        // Assert
        client.Capabilities.HasFlag(SmtpCapabilities.Pipelining).ShouldBeTrue();
        client.Capabilities.HasFlag(SmtpCapabilities.Chunking).ShouldBeFalse();
        client.Capabilities.HasFlag(SmtpCapabilities.StartTLS).ShouldBeFalse();
        sink.ConnectionsOpened.ShouldBe(1);
        sink.Messages.Select(m => m.Subject).Order().ShouldBe(["Message 0", "Message 1", "Message 2", "Message 3", "Message 4"]);
        sink.AcceptedCount("member3@bench.cec.example").ShouldBe(1);
    }

    [Fact]
    public async Task Send_LinesStartingWithDots_SurviveDotStuffing()
    {
        // Arrange
        await using var sink = new LeanSmtpSink();
        using var client = await ConnectAsync(sink);
        const string text = ".hidden line\n..two dots\n.\nend\n. \n";
        var message = Message("m.rossi@bench.cec.example", "Dots", text);

        // Act
        await client.SendAsync(message, Token);
        var received = await sink.WaitForAsync(m => m.Subject == "Dots", Timeout);

        // Assert
        received.TextBody!.ReplaceLineEndings("\n").ShouldBe(text);
    }

    [Fact]
    public async Task Send_RawPipelinedBatch_EveryCommandAnsweredInOrder()
    {
        // Arrange
        await using var sink = new LeanSmtpSink();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", sink.Port, Token);
        await using var stream = new NetworkStream(socket);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        (await reader.ReadLineAsync(Token))!.ShouldStartWith("220 ");

        // Act
        await stream.WriteAsync("RCPT TO:<early@x.example>\r\nEHLO bench\r\nMAIL FROM:<a@x.example>\r\nRCPT TO:<b@x.example>\r\nDATA\r\n"u8.ToArray(), Token);
        var replies = await ReadLinesAsync(reader, 10);
        await stream.WriteAsync("Subject: raw\r\n\r\n..dotted\r\n.\r\nVRFY b\r\nNOOP\r\nQUIT\r\n"u8.ToArray(), Token);
        var after = await ReadLinesAsync(reader, 4);

        // Assert
        replies.Select(r => r[..4]).ShouldBe(["503 ", "250-", "250-", "250-", "250-", "250-", "250 ", "250 ", "250 ", "354 "]);
        replies.ShouldContain("250-PIPELINING");
        after.Select(r => r[..3]).ShouldBe(["250", "500", "250", "221"]);
        var received = await sink.WaitForAsync(m => m.Subject == "raw", Timeout);
        received.TextBody!.ReplaceLineEndings("\n").ShouldBe(".dotted\n");
        sink.CommandsSeen.ShouldBe(8);
    }

    [Fact]
    public async Task Send_RecipientRefusedWith550_MailKitThrowsAndNothingIsCounted()
    {
        // Arrange
        await using var sink = new LeanSmtpSink { OnRecipient = r => r == "gone@bench.cec.example" ? SmtpFault.MailboxUnavailable : null };
        using var client = await ConnectAsync(sink);

        // Act
        var failure = await Should.ThrowAsync<SmtpCommandException>(() => client.SendAsync(Message("gone@bench.cec.example", "Refused", "Body"), Token));

        // Assert
        failure.StatusCode.ShouldBe(SmtpStatusCode.MailboxUnavailable);
        failure.ErrorCode.ShouldBe(SmtpErrorCode.RecipientNotAccepted);
        sink.AcceptedMessages.ShouldBe(0);
        sink.AcceptedCount("gone@bench.cec.example").ShouldBe(0);
        sink.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task Send_TemporaryFailureAtDataOnFirstAttempt_RetrySucceeds()
    {
        // Arrange
        const string member = "m.rossi@bench.cec.example";
        await using var sink = new LeanSmtpSink { OnData = (_, attempt) => attempt == 1 ? SmtpFault.TemporaryFailure : null };
        using var client = await ConnectAsync(sink);

        // Act
        var failure = await Should.ThrowAsync<SmtpCommandException>(() => client.SendAsync(Message(member, "Retry me", "Body"), Token));
        var countAfterFailure = sink.AcceptedCount(member);
        await client.SendAsync(Message(member, "Retry me", "Body"), Token);

        // Assert
        failure.StatusCode.ShouldBe((SmtpStatusCode)451);
        failure.ErrorCode.ShouldBe(SmtpErrorCode.MessageNotAccepted);
        countAfterFailure.ShouldBe(0);
        sink.AcceptedCount(member).ShouldBe(1);
        sink.AttemptCount(member).ShouldBe(2);
        sink.AcceptedMessages.ShouldBe(1);
    }

    [Fact]
    public async Task Send_PermanentFailureAtData_MailKitSees554()
    {
        // Arrange
        await using var sink = new LeanSmtpSink { OnData = (_, _) => SmtpFault.TransactionFailed };
        using var client = await ConnectAsync(sink);

        // Act
        var failure = await Should.ThrowAsync<SmtpCommandException>(() => client.SendAsync(Message("m.rossi@bench.cec.example", "Never", "Body"), Token));

        // Assert
        failure.StatusCode.ShouldBe(SmtpStatusCode.TransactionFailed);
        sink.AcceptedMessages.ShouldBe(0);
    }

    [Fact]
    public async Task Send_DroppedAtEndOfData_ClientSeesBrokenConnectionAndNothingIsCounted()
    {
        // Arrange
        const string member = "m.rossi@bench.cec.example";
        await using var sink = new LeanSmtpSink { OnData = (_, _) => SmtpFault.Drop };
        using var client = await ConnectAsync(sink);

        // Act
        var failure = await Should.ThrowAsync<Exception>(() => client.SendAsync(Message(member, "Dropped", "Body"), Token));

        // Assert
        (failure is SmtpProtocolException or IOException).ShouldBeTrue($"unexpected {failure.GetType().Name}: {failure.Message}");
        client.IsConnected.ShouldBeFalse();
        sink.AttemptCount(member).ShouldBe(1);
        sink.AcceptedCount(member).ShouldBe(0);
        sink.AcceptedMessages.ShouldBe(0);
        sink.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task Send_DiscardMode_CountsMessagesBytesAndConnectionsWithoutKeeping()
    {
        // Arrange
        await using var sink = new LeanSmtpSink(SmtpSinkMode.Discard);
        using var first = await ConnectAsync(sink);
        using var second = await ConnectAsync(sink);

        // Act
        await first.SendAsync(Message("member1@bench.cec.example", "One", "Body"), Token);
        await first.SendAsync(Message("member2@bench.cec.example", "Two", "Body"), Token);
        await second.SendAsync(Message("member3@bench.cec.example", "Three", "Body"), Token);
        await sink.WaitForCountAsync(3, Timeout);

        // Assert
        sink.AcceptedMessages.ShouldBe(3);
        sink.ConnectionsOpened.ShouldBe(2);
        sink.AcceptedBytes.ShouldBeGreaterThan(300);
        sink.Messages.ShouldBeEmpty();
        Should.Throw<InvalidOperationException>(() => sink.AcceptedCount("member1@bench.cec.example"));
    }

    private static async Task<SmtpClient> ConnectAsync(LeanSmtpSink sink)
    {
        var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", sink.Port, SecureSocketOptions.None, Token);
        return client;
    }

    private static MimeMessage Message(string to, string subject, string text)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("noreply@cec.example"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    private static async Task<List<string>> ReadLinesAsync(StreamReader reader, int count)
    {
        var lines = new List<string>();
        while (lines.Count < count)
        {
            lines.Add((await reader.ReadLineAsync(Token))!);
        }

        return lines;
    }
}

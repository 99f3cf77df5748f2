using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace CecPortal.Testing;

/// <summary>What <see cref="LeanSmtpSink"/> does with a message it accepts.</summary>
public enum SmtpSinkMode
{
    /// <summary>Parse every accepted message and keep it with its envelope, for assertions.</summary>
    Keep,

    /// <summary>Count messages and bytes only: no parsing, no per-recipient tables (for benchmarks).</summary>
    Discard,
}

/// <summary>A reply that <see cref="LeanSmtpSink"/> gives instead of accepting, or <see cref="Drop"/> to hang up.</summary>
public sealed record SmtpFault
{
    public SmtpFault(int code, string text)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(code, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code, 599);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (text.AsSpan().ContainsAny('\r', '\n'))
        {
            throw new ArgumentException("An SMTP reply text is one line.", nameof(text));
        }

        Code = code;
        Text = text;
    }

    private SmtpFault()
    {
        Text = "(connection closed without a reply)";
        IsDrop = true;
    }

    /// <summary>550 5.1.1: permanent refusal of a mailbox.</summary>
    public static SmtpFault MailboxUnavailable { get; } = new(550, "5.1.1 Mailbox unavailable");

    /// <summary>451 4.3.0: temporary failure, the client should try again later.</summary>
    public static SmtpFault TemporaryFailure { get; } = new(451, "4.3.0 Temporary failure, try again later");

    /// <summary>554 5.6.0: permanent refusal of the message.</summary>
    public static SmtpFault TransactionFailed { get; } = new(554, "5.6.0 Transaction failed");

    /// <summary>Close the socket at once without replying; nothing of the transaction is delivered.</summary>
    public static SmtpFault Drop { get; } = new();

    /// <summary>The reply code (0 for <see cref="Drop"/>).</summary>
    public int Code { get; }

    /// <summary>The reply text after the code, starting with the enhanced status code.</summary>
    public string Text { get; }

    public bool IsDrop { get; }
}

/// <summary>A message accepted by <see cref="LeanSmtpSink"/> with its SMTP envelope.</summary>
public sealed record SinkMessage(string Sender, IReadOnlyList<string> Recipients, MimeMessage Message);

/// <summary>
/// A real SMTP server on a loopback port written on raw sockets and pipelines: fast enough for benchmarks
/// (<see cref="SmtpSinkMode.Discard"/>) and able to refuse, defer or drop on demand for failure tests.
/// Advertises PIPELINING, 8BITMIME, SIZE, SMTPUTF8 and ENHANCEDSTATUSCODES; no TLS, no AUTH, no BDAT.
/// </summary>
/// <remarks>
/// Per-recipient tables (<see cref="AcceptedCount"/>, <see cref="AttemptCount"/>) are kept in Keep mode; in Discard
/// mode they are kept only while <see cref="OnData"/> is set, so that memory does not grow with the number of
/// recipients. Hooks may be set or cleared at any time and apply from the next command.
/// </remarks>
public sealed class LeanSmtpSink : IAsyncDisposable
{
    private const int MaxLineLength = 64 * 1024;

    private static readonly byte[] Greeting = "220 localhost CEC Portal test SMTP sink ready\r\n"u8.ToArray();
    private static readonly byte[] EhloReply = "250-localhost\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-SIZE 104857600\r\n250-SMTPUTF8\r\n250 ENHANCEDSTATUSCODES\r\n"u8.ToArray();
    private static readonly byte[] HeloReply = "250 localhost\r\n"u8.ToArray();
    private static readonly byte[] SenderOk = "250 2.1.0 Sender OK\r\n"u8.ToArray();
    private static readonly byte[] RecipientOk = "250 2.1.5 Recipient OK\r\n"u8.ToArray();
    private static readonly byte[] StartData = "354 Start mail input; end with <CRLF>.<CRLF>\r\n"u8.ToArray();
    private static readonly byte[] Queued = "250 2.0.0 OK queued\r\n"u8.ToArray();
    private static readonly byte[] Ok = "250 2.0.0 OK\r\n"u8.ToArray();
    private static readonly byte[] Bye = "221 2.0.0 Bye\r\n"u8.ToArray();
    private static readonly byte[] Unrecognized = "500 5.5.2 Command unrecognized\r\n"u8.ToArray();
    private static readonly byte[] LineTooLong = "500 5.5.2 Line too long\r\n"u8.ToArray();
    private static readonly byte[] SyntaxError = "501 5.5.4 Syntax error in parameters or arguments\r\n"u8.ToArray();
    private static readonly byte[] HelloFirst = "503 5.5.1 Send HELO or EHLO first\r\n"u8.ToArray();
    private static readonly byte[] NestedMail = "503 5.5.1 Sender already specified\r\n"u8.ToArray();
    private static readonly byte[] MailFirst = "503 5.5.1 Need MAIL command first\r\n"u8.ToArray();
    private static readonly byte[] NoRecipients = "554 5.5.1 No valid recipients\r\n"u8.ToArray();

    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentDictionary<Session, byte> _sessions = new();
    private readonly ConcurrentQueue<SinkMessage> _received = new();
    private readonly ConcurrentDictionary<string, int> _accepted = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.OrdinalIgnoreCase);
    private volatile Func<string, SmtpFault?>? _onRecipient;
    private volatile Func<string, int, SmtpFault?>? _onData;
    private TaskCompletionSource _arrival = NewSignal();
    private int _waiters;
    private long _acceptedMessages;
    private long _acceptedBytes;
    private long _commands;
    private int _connections;

    public LeanSmtpSink(SmtpSinkMode mode = SmtpSinkMode.Keep)
    {
        Mode = mode;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(512);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _accepting = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public SmtpSinkMode Mode { get; }

    /// <summary>Decides each RCPT TO: null accepts the recipient, a fault is the reply (or a hang-up).</summary>
    public Func<string, SmtpFault?>? OnRecipient
    {
        get => _onRecipient;
        set => _onRecipient = value;
    }

    /// <summary>
    /// Decides the end of DATA, once per recipient with that recipient's attempt number (1 for its first DATA end).
    /// Null from every recipient accepts the message; otherwise the first fault is the reply and nothing is delivered.
    /// </summary>
    public Func<string, int, SmtpFault?>? OnData
    {
        get => _onData;
        set => _onData = value;
    }

    /// <summary>The accepted messages, parsed (Keep mode; always empty in Discard mode).</summary>
    public IReadOnlyCollection<MimeMessage> Messages => _received.Select(r => r.Message).ToList();

    /// <summary>The accepted messages with their envelopes (Keep mode; always empty in Discard mode).</summary>
    public IReadOnlyCollection<SinkMessage> Received => _received;

    public long AcceptedMessages => Interlocked.Read(ref _acceptedMessages);

    /// <summary>Bytes of accepted message content, after undoing dot-stuffing.</summary>
    public long AcceptedBytes => Interlocked.Read(ref _acceptedBytes);

    public int ConnectionsOpened => Volatile.Read(ref _connections);

    public long CommandsSeen => Interlocked.Read(ref _commands);

    private bool TracksRecipients => Mode == SmtpSinkMode.Keep || _onData is not null;

    /// <summary>How many accepted messages had <paramref name="recipient"/> in their envelope.</summary>
    public int AcceptedCount(string recipient)
    {
        EnsureTablesKept();
        return _accepted.GetValueOrDefault(recipient);
    }

    /// <summary>How many DATA ends (accepted, refused or dropped) had <paramref name="recipient"/> in their envelope.</summary>
    public int AttemptCount(string recipient)
    {
        EnsureTablesKept();
        return _attempts.GetValueOrDefault(recipient);
    }

    /// <summary>Waits until a message matching <paramref name="predicate"/> has been accepted (Keep mode).</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> predicate, TimeSpan? timeout = null) =>
        (await WaitForMessageAsync(m => predicate(m.Message), timeout)).Message;

    /// <summary>Waits until a message whose envelope and content match <paramref name="predicate"/> has been accepted (Keep mode).</summary>
    public Task<SinkMessage> WaitForMessageAsync(Func<SinkMessage, bool> predicate, TimeSpan? timeout = null)
    {
        if (Mode != SmtpSinkMode.Keep)
        {
            throw new InvalidOperationException("A sink in Discard mode keeps no messages; use WaitForCountAsync.");
        }

        return WaitUntilAsync(
            () => _received.FirstOrDefault(predicate),
            timeout,
            () => $"No matching email arrived; {_received.Count} message(s) received: {string.Join(", ", _received.Select(m => m.Message.Subject))}");
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have been accepted in total.</summary>
    public Task WaitForCountAsync(long count, TimeSpan? timeout = null) =>
        WaitUntilAsync(
            () => AcceptedMessages >= count ? this : null,
            timeout,
            () => $"Expected {count} accepted message(s), got {AcceptedMessages}.");

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        _listener.Dispose();
        await _accepting;
        var sessions = _sessions.Keys.ToList();
        foreach (var session in sessions)
        {
            session.Abort();
        }

        await Task.WhenAll(sessions.Select(s => s.Running));
        _stop.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void EnsureTablesKept()
    {
        if (!TracksRecipients)
        {
            throw new InvalidOperationException("A sink in Discard mode keeps per-recipient counts only while OnData is set; use Keep mode.");
        }
    }

    private async Task<T> WaitUntilAsync<T>(Func<T?> probe, TimeSpan? timeout, Func<string> describeFailure)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        Interlocked.Increment(ref _waiters);
        try
        {
            while (true)
            {
                var signal = Volatile.Read(ref _arrival);
                if (probe() is { } found)
                {
                    return found;
                }

                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException(describeFailure());
                }

                try
                {
                    await signal.Task.WaitAsync(left);
                }
                catch (TimeoutException)
                {
                    // Probe once more, then report.
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiters);
        }
    }

    private void SignalArrival()
    {
        if (Volatile.Read(ref _waiters) > 0)
        {
            Interlocked.Exchange(ref _arrival, NewSignal()).TrySetResult();
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stop.Token);
            }
            catch (SocketException) when (!_stop.IsCancellationRequested)
            {
                continue;
            }
            catch (Exception)
            {
                return;
            }

            socket.NoDelay = true;
            Interlocked.Increment(ref _connections);
            var session = new Session(this, socket);
            _sessions.TryAdd(session, 0);
            session.Running = Task.Run(session.RunAsync);
        }
    }

    /// <summary>One SMTP connection: reads with a PipeReader, answers every complete command in a read with one write.</summary>
    private sealed class Session(LeanSmtpSink sink, Socket socket)
    {
        private readonly ArrayBufferWriter<byte> _replies = new(1024);
        private readonly List<string> _recipients = [];
        private MemoryStream? _body;
        private bool _greeted;
        private bool _inTransaction;
        private string _sender = "";
        private int _recipientCount;
        private bool _inData;
        private bool _atLineStart;
        private long _dataBytes;

        public Task Running { get; set; } = Task.CompletedTask;

        private enum Next
        {
            Continue,
            Close,
            Drop,
        }

        public void Abort()
        {
            try
            {
                socket.Dispose();
            }
            catch (Exception)
            {
                // Already gone.
            }
        }

        public async Task RunAsync()
        {
            try
            {
                await using var stream = new NetworkStream(socket, ownsSocket: false);
                var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
                try
                {
                    await stream.WriteAsync(Greeting, sink._stop.Token);
                    while (true)
                    {
                        var result = await reader.ReadAsync(sink._stop.Token);
                        var buffer = result.Buffer;
                        var next = Process(ref buffer);
                        reader.AdvanceTo(buffer.Start, buffer.End);
                        if (next == Next.Drop)
                        {
                            break;
                        }

                        if (_replies.WrittenCount > 0)
                        {
                            await stream.WriteAsync(_replies.WrittenMemory, sink._stop.Token);
                            _replies.ResetWrittenCount();
                        }

                        if (next == Next.Close || result.IsCompleted)
                        {
                            break;
                        }
                    }
                }
                finally
                {
                    await reader.CompleteAsync();
                }
            }
            catch (Exception)
            {
                // A broken client, a hook that threw or the sink stopping: the connection just ends.
            }
            finally
            {
                Abort();
                sink._sessions.TryRemove(this, out _);
            }
        }

        private Next Process(ref ReadOnlySequence<byte> buffer)
        {
            while (!buffer.IsEmpty)
            {
                if (_inData)
                {
                    if (!ReadData(ref buffer))
                    {
                        return Next.Continue;
                    }

                    if (EndData() == Next.Drop)
                    {
                        return Next.Drop;
                    }

                    continue;
                }

                var newline = buffer.PositionOf((byte)'\n');
                if (newline is null)
                {
                    if (buffer.Length > MaxLineLength)
                    {
                        _replies.Write(LineTooLong);
                        return Next.Close;
                    }

                    return Next.Continue;
                }

                var line = buffer.Slice(0, newline.Value);
                buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
                var next = line.IsSingleSegment ? Command(line.FirstSpan) : Command(line.ToArray());
                if (next != Next.Continue)
                {
                    return next;
                }
            }

            return Next.Continue;
        }

        private Next Command(ReadOnlySpan<byte> line)
        {
            Interlocked.Increment(ref sink._commands);
            if (line.EndsWith((byte)'\r'))
            {
                line = line[..^1];
            }

            var space = line.IndexOf((byte)' ');
            var verb = space < 0 ? line : line[..space];
            var argument = space < 0 ? ReadOnlySpan<byte>.Empty : line[(space + 1)..];
            if (Is(verb, "EHLO"u8) || Is(verb, "HELO"u8))
            {
                _greeted = true;
                ResetTransaction();
                _replies.Write(Is(verb, "EHLO"u8) ? EhloReply : HeloReply);
            }
            else if (Is(verb, "MAIL"u8))
            {
                Mail(argument);
            }
            else if (Is(verb, "RCPT"u8))
            {
                return Recipient(argument);
            }
            else if (Is(verb, "DATA"u8))
            {
                Data();
            }
            else if (Is(verb, "RSET"u8))
            {
                ResetTransaction();
                _replies.Write(Ok);
            }
            else if (Is(verb, "NOOP"u8))
            {
                _replies.Write(Ok);
            }
            else if (Is(verb, "QUIT"u8))
            {
                _replies.Write(Bye);
                return Next.Close;
            }
            else
            {
                _replies.Write(Unrecognized);
            }

            return Next.Continue;
        }

        private void Mail(ReadOnlySpan<byte> argument)
        {
            if (!_greeted)
            {
                _replies.Write(HelloFirst);
                return;
            }

            if (_inTransaction)
            {
                _replies.Write(NestedMail);
                return;
            }

            if (!TryPath(argument, "FROM:"u8, out var path))
            {
                _replies.Write(SyntaxError);
                return;
            }

            _sender = sink.Mode == SmtpSinkMode.Keep ? Encoding.UTF8.GetString(path) : "";
            _inTransaction = true;
            _replies.Write(SenderOk);
        }

        private Next Recipient(ReadOnlySpan<byte> argument)
        {
            if (!_inTransaction)
            {
                _replies.Write(MailFirst);
                return Next.Continue;
            }

            if (!TryPath(argument, "TO:"u8, out var path) || path.IsEmpty)
            {
                _replies.Write(SyntaxError);
                return Next.Continue;
            }

            var onRecipient = sink._onRecipient;
            if (onRecipient is null && !sink.TracksRecipients)
            {
                _recipientCount++;
                _replies.Write(RecipientOk);
                return Next.Continue;
            }

            var recipient = Encoding.UTF8.GetString(path);
            var fault = onRecipient?.Invoke(recipient);
            if (fault is null)
            {
                _recipients.Add(recipient);
                _recipientCount++;
                _replies.Write(RecipientOk);
                return Next.Continue;
            }

            return Reply(fault);
        }

        private void Data()
        {
            if (!_inTransaction)
            {
                _replies.Write(MailFirst);
                return;
            }

            if (_recipientCount == 0)
            {
                _replies.Write(NoRecipients);
                return;
            }

            _inData = true;
            _atLineStart = true;
            _dataBytes = 0;
            if (sink.Mode == SmtpSinkMode.Keep)
            {
                _body ??= new MemoryStream();
                _body.SetLength(0);
            }

            _replies.Write(StartData);
        }

        /// <summary>Consumes message content up to and including the terminating line; false while more input is needed.</summary>
        private bool ReadData(ref ReadOnlySequence<byte> buffer)
        {
            Span<byte> head = stackalloc byte[3];
            while (!buffer.IsEmpty)
            {
                var reader = new SequenceReader<byte>(buffer);
                if (_atLineStart && reader.TryPeek(out var first) && first == (byte)'.')
                {
                    var available = (int)Math.Min(3, buffer.Length);
                    buffer.Slice(0, available).CopyTo(head);
                    if (available == 1 || (available == 2 && head[1] == (byte)'\r'))
                    {
                        return false;
                    }

                    if (head[1] == (byte)'\n' || (head[1] == (byte)'\r' && head[2] == (byte)'\n'))
                    {
                        buffer = buffer.Slice(head[1] == (byte)'\n' ? 2 : 3);
                        _inData = false;
                        return true;
                    }

                    // A dot-stuffed line: drop the leading dot.
                    buffer = buffer.Slice(1);
                    _atLineStart = false;
                    continue;
                }

                // Only a line starting with a dot needs a closer look, so skip straight to the next one.
                var span = reader.UnreadSpan;
                var dotLine = span.IndexOf("\n."u8);
                var take = dotLine >= 0 ? dotLine + 1 : span.Length;
                Append(span[..take]);
                _atLineStart = span[take - 1] == (byte)'\n';
                reader.Advance(take);
                buffer = buffer.Slice(reader.Position);
            }

            return false;
        }

        private void Append(ReadOnlySpan<byte> content)
        {
            _dataBytes += content.Length;
            _body?.Write(content);
        }

        private Next EndData()
        {
            SmtpFault? fault = null;
            var onData = sink._onData;
            if (sink.TracksRecipients)
            {
                foreach (var recipient in _recipients)
                {
                    var attempt = sink._attempts.AddOrUpdate(recipient, 1, (_, n) => n + 1);
                    fault ??= onData?.Invoke(recipient, attempt);
                }
            }

            if (fault is not null)
            {
                ResetTransaction();
                return Reply(fault);
            }

            if (sink.Mode == SmtpSinkMode.Keep)
            {
                _body!.Position = 0;
                var message = MimeMessage.Load(_body);
                sink._received.Enqueue(new SinkMessage(_sender, _recipients.ToArray(), message));
            }

            if (sink.TracksRecipients)
            {
                foreach (var recipient in _recipients)
                {
                    sink._accepted.AddOrUpdate(recipient, 1, (_, n) => n + 1);
                }
            }

            Interlocked.Add(ref sink._acceptedBytes, _dataBytes);
            Interlocked.Increment(ref sink._acceptedMessages);
            sink.SignalArrival();
            ResetTransaction();
            _replies.Write(Queued);
            return Next.Continue;
        }

        private Next Reply(SmtpFault fault)
        {
            if (fault.IsDrop)
            {
                return Next.Drop;
            }

            _replies.Write(Encoding.UTF8.GetBytes($"{fault.Code} {fault.Text}\r\n"));
            return Next.Continue;
        }

        private void ResetTransaction()
        {
            _inTransaction = false;
            _sender = "";
            _recipients.Clear();
            _recipientCount = 0;
        }

        private static bool Is(ReadOnlySpan<byte> verb, ReadOnlySpan<byte> expected) => Ascii.EqualsIgnoreCase(verb, expected);

        /// <summary>Reads "FROM:&lt;path&gt; params" or "TO:&lt;path&gt; params", tolerating a space after the colon.</summary>
        private static bool TryPath(ReadOnlySpan<byte> argument, ReadOnlySpan<byte> keyword, out ReadOnlySpan<byte> path)
        {
            path = default;
            if (argument.Length < keyword.Length || !Ascii.EqualsIgnoreCase(argument[..keyword.Length], keyword))
            {
                return false;
            }

            var rest = argument[keyword.Length..].TrimStart((byte)' ');
            if (rest.IsEmpty || rest[0] != (byte)'<')
            {
                return false;
            }

            var close = rest.IndexOf((byte)'>');
            if (close < 0)
            {
                return false;
            }

            path = rest[1..close];
            return true;
        }
    }
}

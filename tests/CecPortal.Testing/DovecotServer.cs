using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace CecPortal.Testing;

/// <summary>
/// A real IMAP server for tests: Debian's Dovecot (<c>dovecot-imapd</c>) started on a free loopback port with a
/// throwaway configuration, mailbox and password file in a temporary folder, speaking IMAPS with a self-signed
/// certificate made here (the portal trusts it by its fingerprint). Mail goes in with IMAP APPEND, as a mail server
/// would deliver it. Stopped, and its folder removed, on dispose.
/// </summary>
public sealed class DovecotServer : IAsyncDisposable
{
    public const string UserName = "bounces";

    private readonly string _root;
    private readonly string _config;
    private readonly Process _process;

    private DovecotServer(string root, string config, Process process, int port, string password, string fingerprint)
    {
        _root = root;
        _config = config;
        _process = process;
        Port = port;
        Password = password;
        CertificateFingerprint = fingerprint;
    }

    public int Port { get; }

    public string Password { get; }

    /// <summary>SHA-256 (hex) of the server's certificate, for <c>Email:Bounces:CertificateFingerprint</c>.</summary>
    public string CertificateFingerprint { get; }

    /// <summary>The portal settings that point its bounce mailbox job at this server.</summary>
    public IReadOnlyDictionary<string, string?> PortalSettings => new Dictionary<string, string?>
    {
        ["Email:Bounces:Host"] = IPAddress.Loopback.ToString(),
        ["Email:Bounces:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Bounces:Security"] = "SslOnConnect",
        ["Email:Bounces:UserName"] = UserName,
        ["Email:Bounces:Password"] = Password,
        ["Email:Bounces:CertificateFingerprint"] = CertificateFingerprint,
    };

    private static readonly string[] KnownBinaries = ["/usr/sbin/dovecot", "/usr/local/sbin/dovecot"];

    public static string? Binary() =>
        KnownBinaries.FirstOrDefault(File.Exists)
        ?? (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(p => Path.Combine(p, "dovecot")).FirstOrDefault(File.Exists);

    public static async Task<DovecotServer> StartAsync()
    {
        var binary = Binary() ?? throw new InvalidOperationException("Dovecot is not installed: apt-get install dovecot-imapd (.ci/run installs it).");
        var root = Directory.CreateTempSubdirectory("cecportal-imap-").FullName;
        var mail = Directory.CreateDirectory(Path.Combine(root, "mail")).FullName;
        if (!OperatingSystem.IsWindows())
        {
            // Dovecot's own users (as root) must reach the folder and write the mailbox.
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            File.SetUnixFileMode(mail, (UnixFileMode)0b111_111_111);
        }

        Directory.CreateDirectory(Path.Combine(root, "run"));

        var fingerprint = WriteCertificate(root);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var passwd = Path.Combine(root, "passwd");
        await File.WriteAllTextAsync(passwd, $"{UserName}:{{PLAIN}}{password}\n");

        // As root, Dovecot's login and mail processes must run as its own unprivileged users; otherwise everything runs as us.
        var isRoot = Environment.UserName == "root";
        var internalUser = isRoot ? "dovecot" : Environment.UserName;
        var loginUser = isRoot ? "dovenull" : Environment.UserName;
        var port = FreePort();
        var config = Path.Combine(root, "dovecot.conf");
        await File.WriteAllTextAsync(config, $$"""
            base_dir = {{root}}/run
            state_dir = {{root}}/run/state
            instance_name = cecportal-{{Path.GetFileName(root)}}
            listen = 127.0.0.1
            protocols = imap
            log_path = {{root}}/dovecot.log
            ssl = required
            ssl_cert = <{{root}}/cert.pem
            ssl_key = <{{root}}/key.pem
            disable_plaintext_auth = yes
            auth_mechanisms = plain
            default_internal_user = {{internalUser}}
            default_internal_group = {{internalUser}}
            default_login_user = {{loginUser}}
            first_valid_uid = 1
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{passwd}}
            }
            userdb {
              driver = static
              args = uid={{internalUser}} gid={{internalUser}} home={{mail}}/%u
            }
            mail_location = maildir:~/Maildir
            service imap-login {
              chroot =
              inet_listener imap {
                port = 0
              }
              inet_listener imaps {
                port = {{port}}
                ssl = yes
              }
            }
            service anvil {
              chroot =
            }
            """);

        var process = Process.Start(new ProcessStartInfo(binary, ["-F", "-c", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("Dovecot did not start.");
        var server = new DovecotServer(root, config, process, port, password, fingerprint);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await server.IsListeningAsync())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var log = File.Exists(Path.Combine(root, "dovecot.log")) ? await File.ReadAllTextAsync(Path.Combine(root, "dovecot.log")) : string.Empty;
                await server.DisposeAsync();
                throw new InvalidOperationException($"Dovecot did not start listening on port {port}: {await process.StandardError.ReadToEndAsync()} {log}");
            }

            await Task.Delay(100);
        }

        return server;
    }

    /// <summary>Delivers a message into <paramref name="folder"/> (created when missing) with IMAP APPEND.</summary>
    public async Task AppendAsync(MimeMessage message, string folder = "INBOX")
    {
        using var client = await ConnectAsync();
        var target = await FolderAsync(client, folder, create: true);
        await target!.AppendAsync(message);
        await client.DisconnectAsync(quit: true);
    }

    /// <summary>The number of messages in <paramref name="folder"/>; 0 when it does not exist.</summary>
    public async Task<int> CountAsync(string folder)
    {
        using var client = await ConnectAsync();
        var target = await FolderAsync(client, folder, create: false);
        if (target is null)
        {
            return 0;
        }

        await target.OpenAsync(FolderAccess.ReadOnly);
        var count = target.Count;
        await client.DisconnectAsync(quit: true);
        return count;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                // "dovecot stop" signals the master through the pid file, which stops its children too.
                using var stop = Process.Start(new ProcessStartInfo(Binary()!, ["-c", _config, "stop"]) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true });
                if (stop is not null)
                {
                    await stop.WaitForExitAsync();
                }

                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await _process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the temporary folder goes with the machine's temp cleanup.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient
        {
            ServerCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())) == CertificateFingerprint,
        };
        await client.ConnectAsync(IPAddress.Loopback.ToString(), Port, SecureSocketOptions.SslOnConnect);
        await client.AuthenticateAsync(UserName, Password);
        return client;
    }

    private static async Task<IMailFolder?> FolderAsync(ImapClient client, string name, bool create)
    {
        try
        {
            return await client.GetFolderAsync(name);
        }
        catch (FolderNotFoundException) when (create)
        {
            return await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(name, isMessageFolder: true);
        }
        catch (FolderNotFoundException)
        {
            return null;
        }
    }

    private async Task<bool> IsListeningAsync()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string WriteCertificate(string root)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        File.WriteAllText(Path.Combine(root, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(root, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return Convert.ToHexString(SHA256.HashData(certificate.RawData));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CecPortal.Web.Infrastructure.Email;
using Hangfire;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;

namespace CecPortal.Web.Features.Deliverability;

/// <summary>
/// Reads the bounce mailbox over IMAP (MailKit's <see cref="ImapClient"/>, IMAPS by default): each delivery status
/// notification or feedback report is recorded through <see cref="AddressBounces"/> and then MOVED to
/// <c>Email:Bounces:ProcessedFolder</c>; a message that is not a report the portal understands is moved to
/// <c>UnparsedFolder</c> for a person. Nothing is ever deleted. Safe to run twice or at once: a report already
/// recorded (by its Message-ID) is only moved. Does nothing while <c>Email:Bounces:Host</c> is empty.
/// </summary>
public sealed class BounceMailboxJob(BounceReportReader reader, AddressBounces bounces, IOptions<BounceMailboxOptions> options, ILogger<BounceMailboxJob> logger)
{
    public const string RecurringJobId = "bounce-mailbox";
    public const string Cron = "*/5 * * * *";

    [AutomaticRetry(Attempts = 3)]
    public async Task<BounceMailboxRun> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return BounceMailboxRun.Nothing;
        }

        using var client = new ImapClient { Timeout = 60_000 };
        if (!string.IsNullOrWhiteSpace(settings.CertificateFingerprint))
        {
            var pinned = settings.CertificateFingerprint.Replace(":", string.Empty, StringComparison.Ordinal).Trim();
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (certificate is not null && Matches(certificate, pinned));
        }

        await client.ConnectAsync(settings.Host!, settings.Port, ToSocketOptions(settings.Security), cancellationToken);
        await client.AuthenticateAsync(settings.UserName!, settings.Password ?? string.Empty, cancellationToken);
        var inbox = await client.GetFolderAsync(settings.Folder, cancellationToken);
        await inbox.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        var uids = (await inbox.SearchAsync(SearchQuery.All, cancellationToken)).Take(settings.BatchSize).ToList();
        if (uids.Count == 0)
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
            return BounceMailboxRun.Nothing;
        }

        var processed = new List<UniqueId>();
        var unparsed = new List<UniqueId>();
        int recorded = 0, duplicates = 0;
        foreach (var uid in uids)
        {
            using var message = await inbox.GetMessageAsync(uid, cancellationToken);
            var reading = reader.Read(message);
            if (!reading.IsReport)
            {
                unparsed.Add(uid);
                continue;
            }

            if (reading.Report is { } report)
            {
                var outcome = await bounces.RecordAsync(report, cancellationToken);
                recorded += outcome == BounceOutcome.Duplicate ? 0 : 1;
                duplicates += outcome == BounceOutcome.Duplicate ? 1 : 0;
            }

            processed.Add(uid);
        }

        await MoveAsync(client, inbox, processed, settings.ProcessedFolder, cancellationToken);
        await MoveAsync(client, inbox, unparsed, settings.UnparsedFolder, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);

        // Counts only: the reports name people and addresses.
        logger.LogInformation(
            "Bounce mailbox: {Read} message(s) read, {Recorded} recorded, {Duplicates} already recorded, {Unparsed} not understood (moved for a person).",
            uids.Count, recorded, duplicates, unparsed.Count);
        return new BounceMailboxRun(uids.Count, recorded, duplicates, unparsed.Count);
    }

    private static async Task MoveAsync(ImapClient client, IMailFolder from, List<UniqueId> uids, string folderName, CancellationToken cancellationToken)
    {
        if (uids.Count == 0)
        {
            return;
        }

        IMailFolder folder;
        try
        {
            folder = await client.GetFolderAsync(folderName, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            folder = await root.CreateAsync(folderName, isMessageFolder: true, cancellationToken)
                ?? throw new InvalidOperationException($"The IMAP server did not create the folder {folderName}.");
        }

        await from.MoveToAsync(uids, folder, cancellationToken);
    }

    private static bool Matches(X509Certificate certificate, string pinnedHex) =>
        string.Equals(Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())), pinnedHex, StringComparison.OrdinalIgnoreCase);

    private static SecureSocketOptions ToSocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}

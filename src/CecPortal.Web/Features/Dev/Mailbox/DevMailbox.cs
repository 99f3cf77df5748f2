using System.Text.RegularExpressions;
using CecPortal.Web.Infrastructure.Email;
using MimeKit;

namespace CecPortal.Web.Features.Dev.Mailbox;

/// <summary>Reads the .eml files that <see cref="EmailSender"/> keeps when no SMTP host is configured.</summary>
public sealed partial class DevMailbox(IOptions<EmailOptions> options)
{
    private readonly string? _directory = options.Value.PickupDirectory;

    public bool IsCapturing => !string.IsNullOrWhiteSpace(_directory) && string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task<IReadOnlyList<MailboxEntry>> ListAsync(int max, CancellationToken cancellationToken)
    {
        if (_directory is null || !Directory.Exists(_directory))
        {
            return [];
        }

        var entries = new List<MailboxEntry>();
        foreach (var file in new DirectoryInfo(_directory).GetFiles(PickupDirectory.MessagePattern).OrderByDescending(f => f.Name).Take(max))
        {
            using var message = await MimeMessage.LoadAsync(file.FullName, cancellationToken);
            entries.Add(new MailboxEntry(
                Path.GetFileNameWithoutExtension(file.Name),
                message.To.ToString(),
                message.Subject ?? "(no subject)",
                message.Date));
        }

        return entries;
    }

    public async Task<MimeMessage?> OpenAsync(string id, CancellationToken cancellationToken)
    {
        if (_directory is null || !IdPattern().IsMatch(id))
        {
            return null;
        }

        var path = Path.Combine(_directory, id + ".eml");
        return File.Exists(path) ? await MimeMessage.LoadAsync(path, cancellationToken) : null;
    }

    public static IReadOnlyList<string> LinksIn(MimeMessage message)
    {
        var text = (message.TextBody ?? string.Empty) + " " + (message.HtmlBody ?? string.Empty);
        return LinkPattern().Matches(text).Select(m => System.Net.WebUtility.HtmlDecode(m.Value)).Distinct().ToList();
    }

    [GeneratedRegex("^[0-9]{17}-[0-9a-f]{32}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("https?://[^\\s\"'<>]+")]
    private static partial Regex LinkPattern();
}

public sealed record MailboxEntry(string Id, string To, string Subject, DateTimeOffset Date);

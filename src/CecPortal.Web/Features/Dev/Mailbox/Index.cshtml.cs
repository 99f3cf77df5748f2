namespace CecPortal.Web.Features.Dev.Mailbox;

/// <summary>Development only (folder filter); anonymous so that an applicant can open their verification link.</summary>
public sealed class IndexModel(DevMailbox mailbox) : PageModel
{
    public IReadOnlyList<MailboxEntry> Messages { get; private set; } = [];

    public bool IsCapturing => mailbox.IsCapturing;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Messages = await mailbox.ListAsync(200, cancellationToken);
}

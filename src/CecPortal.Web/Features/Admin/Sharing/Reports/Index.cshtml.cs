using CecPortal.Web.Features.Sharing.Moderation;

namespace CecPortal.Web.Features.Admin.Sharing.Reports;

/// <summary>The moderators' queue: reported messages, those with open reports first, one line per message.</summary>
public sealed class IndexModel(MessageModeration moderation) : PageModel
{
    public IReadOnlyList<ReportedMessageSummary> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Messages = await moderation.QueueAsync(cancellationToken);
}

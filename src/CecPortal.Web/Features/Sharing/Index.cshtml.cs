using CecPortal.Web.Features.Sharing.Channels;

namespace CecPortal.Web.Features.Sharing;

/// <summary>The sharing space's home: the member's channels with unread counts, and the open channels they could join.</summary>
public sealed class IndexModel(ChannelDirectory directory) : PageModel
{
    public IReadOnlyList<ChannelSummary> Mine { get; private set; } = [];

    public IReadOnlyList<ChannelSummary> OpenToJoin { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = Actor.Of(User).Id;
        Mine = await directory.MineAsync(userId, cancellationToken);
        OpenToJoin = await directory.OpenToJoinAsync(userId, cancellationToken);
    }
}

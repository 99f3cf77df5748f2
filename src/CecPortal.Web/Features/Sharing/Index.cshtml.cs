using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Live;

namespace CecPortal.Web.Features.Sharing;

/// <summary>The sharing space's home: the member's channels with unread counts, and the open channels they could join.</summary>
public sealed class IndexModel(ChannelDirectory directory, LiveDispatcher live) : PageModel
{
    /// <summary>The last change before the lists were read: the live stream replays what comes after it.</summary>
    public long LiveAfter { get; private set; }

    public IReadOnlyList<ChannelSummary> Mine { get; private set; } = [];

    public IReadOnlyList<ChannelSummary> OpenToJoin { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = Actor.Of(User).Id;
        LiveAfter = await live.CurrentAsync(cancellationToken);
        Mine = await directory.MineAsync(userId, cancellationToken);
        OpenToJoin = await directory.OpenToJoinAsync(userId, cancellationToken);
    }
}

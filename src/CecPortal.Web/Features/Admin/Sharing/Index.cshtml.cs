using CecPortal.Web.Features.Sharing.Channels;

namespace CecPortal.Web.Features.Admin.Sharing;

/// <summary>The sharing space's channels for Moderators and Admins: who each reaches, its default label, whether archived.</summary>
public sealed class IndexModel(ChannelAdministration administration) : PageModel
{
    public IReadOnlyList<ChannelListing> Channels { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Channels = await administration.ListAsync(cancellationToken);

    public static string KindName(ChannelKind kind) => kind switch
    {
        ChannelKind.Community => "Community",
        ChannelKind.Sector => "Sector",
        ChannelKind.Country => "Country",
        ChannelKind.Open => "Open",
        ChannelKind.WorkingGroup => "Working group",
        _ => kind.ToString(),
    };
}

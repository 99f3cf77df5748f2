using CecPortal.Web.Features.Sharing.Channels;

namespace CecPortal.Web.Features.Sharing;

/// <summary>A working group's own moderators manage its members here; everyone else gets 404.</summary>
public sealed class MembersModel(ChannelAdministration administration) : GroupMembersPageModel(administration)
{
    [BindProperty(SupportsGet = true)]
    public string Slug { get; set; } = string.Empty;

    public override bool StaffView => false;

    protected override object RouteValues(string? query) => new { slug = Slug, q = query };

    protected override IQueryable<Channel> Named(IQueryable<Channel> manageable) => manageable.Where(c => c.Slug == Slug);
}

using CecPortal.Web.Features.Sharing;
using CecPortal.Web.Features.Sharing.Channels;

namespace CecPortal.Web.Features.Admin.Sharing;

/// <summary>A working group's members, for Moderators and Admins (archived groups included, so they can be prepared).</summary>
public sealed class MembersModel(ChannelAdministration administration) : GroupMembersPageModel(administration)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public override bool StaffView => true;

    protected override object RouteValues(string? query) => new { id = Id, q = query };

    protected override IQueryable<Channel> Named(IQueryable<Channel> manageable) => manageable.Where(c => c.Id == Id);
}

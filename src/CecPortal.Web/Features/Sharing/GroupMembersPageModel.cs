using CecPortal.Web.Features.Sharing.Channels;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CecPortal.Web.Features.Sharing;

/// <summary>
/// A working group's members page, for staff (<c>/admin/sharing/{id}/members</c>) and for the group's own moderators
/// (<c>/sharing/members/{slug}</c>): list, search, add, remove, make or unmake a group moderator. Whether the person may
/// manage the group is one SQL query (<see cref="ChannelAdministration.ManageableGroups"/>); anyone else gets 404, so the
/// page does not reveal that the group exists. The shared view is <c>Shared/_WorkingGroupMembers</c>.
/// </summary>
public abstract class GroupMembersPageModel(ChannelAdministration administration) : PageModel, IReloadAfterRefusal
{
    /// <summary>The name or email address typed into the search box.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    [StringLength(200)]
    public string? Query { get; set; }

    public GroupView Group { get; private set; } = null!;

    public IReadOnlyList<GroupMember> Members { get; private set; } = [];

    public IReadOnlyList<MemberCandidate> Candidates { get; private set; } = [];

    /// <summary>Staff see email addresses and search every account; a group moderator searches as the directory shows people.</summary>
    public abstract bool StaffView { get; }

    /// <summary>The signed-in person, whose own row offers no remove or demote button unless they are staff.</summary>
    public string ActorId => Actor.Of(User).Id;

    public sealed record GroupView(Guid Id, string Slug, string Name, DateTimeOffset? ArchivedAt);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddAsync(string userId, CancellationToken cancellationToken) =>
        ChangeAsync(async actor => $"{await administration.AddMemberAsync(Group.Id, userId, actor, cancellationToken)} is now in the group.", cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(string userId, CancellationToken cancellationToken) =>
        ChangeAsync(async actor => $"{await administration.RemoveMemberAsync(Group.Id, userId, actor, cancellationToken)} is no longer in the group.", cancellationToken);

    public Task<IActionResult> OnPostModeratorAsync(string userId, bool moderator, CancellationToken cancellationToken) =>
        ChangeAsync(
            async actor =>
            {
                var name = await administration.ChangeGroupModeratorAsync(Group.Id, userId, moderator, actor, cancellationToken);
                return moderator ? $"{name} is now a moderator of the group." : $"{name} is no longer a moderator of the group.";
            },
            cancellationToken);

    public Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>The group this page's route names, among those the person may manage (a query the caller composes in SQL).</summary>
    protected abstract IQueryable<Channel> Named(IQueryable<Channel> manageable);

    /// <summary>The route values of this page with the search kept, for the redirect after a change.</summary>
    protected abstract object RouteValues(string? query);

    private async Task<IActionResult> ChangeAsync(Func<Actor, Task<string>> change, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        TempData.SetStatusMessage(await change(Actor.Of(User)));
        return RedirectToPage(RouteValues(Query));
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var group = await Named(administration.ManageableGroups(ActorId)).AsNoTracking()
            .Select(c => new GroupView(c.Id, c.Slug, c.Name, c.ArchivedAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return false;
        }

        Group = group;
        Members = await administration.MembersAsync(group.Id, cancellationToken);
        Candidates = ModelState.GetFieldValidationState("q") == ModelValidationState.Invalid
            ? []
            : await administration.CandidatesAsync(group.Id, Query, StaffView, cancellationToken);
        return true;
    }
}

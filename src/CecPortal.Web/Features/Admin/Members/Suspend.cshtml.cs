namespace CecPortal.Web.Features.Admin.Members;

/// <summary>
/// Suspends an active member or staff account, or reinstates a suspended one; either way with a reason for the record.
/// (Staff who are not members reach it from their page under Admin → Staff.)
/// </summary>
public sealed class SuspendModel(AppDbContext db, MemberAdministration administration) : MemberActionModel<SuspendModel.MemberView>
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public enum StatusChange
    {
        Suspend,
        Reinstate,
    }

    public sealed record MemberView(string Id, string FullName, string? Email, string? Organisation, DateTimeOffset? SuspendedAt, string? SuspensionReason, bool IsMember)
    {
        /// <summary>Where to go back to: the member list, or the staff page of someone who is only staff.</summary>
        public string BackPath => IsMember ? "/admin/members" : $"/admin/staff/{Id}";

        public bool IsSuspended => SuspendedAt is not null;
    }

    public sealed class InputModel
    {
        /// <summary>What the person meant to do: a form left open while someone else acted must not do the opposite.</summary>
        [Required]
        public StatusChange? Change { get; set; }

        [Required(ErrorMessage = "Give a reason for the record.")]
        [StringLength(PortalUser.MaxReasonLength, ErrorMessage = "The reason may have at most {1} characters.")]
        [PlainText(AllowLineBreaks = true)]
        [Display(Name = "Reason")]
        public string Reason { get; set; } = string.Empty;
    }

    protected override async Task<IActionResult> ActAsync(string userId, MemberView member, CancellationToken cancellationToken)
    {
        var actor = Actor.Of(User);
        if (Input.Change == StatusChange.Suspend)
        {
            await administration.SuspendAsync(userId, Input.Reason, actor);
        }
        else
        {
            await administration.ReinstateAsync(userId, Input.Reason, actor);
        }

        TempData.SetStatusMessage(Input.Change == StatusChange.Suspend
            ? $"{member.FullName} is suspended and can no longer sign in."
            : $"{member.FullName} is reinstated and can sign in again.");
        return Redirect(member.BackPath);
    }

    protected override Task<MemberView?> FindMemberAsync(string userId, CancellationToken cancellationToken) =>
        db.UsersInAnyRole([Roles.Member, .. Roles.Staff])
            .AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new MemberView(
                u.Id,
                u.FullName,
                u.Email,
                u.Organisation,
                u.SuspendedAt,
                u.SuspensionReason,
                db.UsersInRole(Roles.Member).Any(m => m.Id == u.Id)))
            .SingleOrDefaultAsync(cancellationToken);
}

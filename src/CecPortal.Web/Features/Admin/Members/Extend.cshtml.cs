using CecPortal.Web.Features.Membership.Attestation;

namespace CecPortal.Web.Features.Admin.Members;

/// <summary>
/// An Admin gives a member more time to confirm their role (travel, leave, a role change being sorted out), with a
/// reason for the record; a lapsed member is restored until the new date.
/// </summary>
public sealed class ExtendModel(AppDbContext db, MembershipAttestation attestation, TimeProvider clock) : MemberActionModel<ExtendModel.MemberView>
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed record MemberView(string Id, string FullName, string? Organisation, DateTimeOffset? DueAt, DateTimeOffset? RemindedAt, DateTimeOffset? LapsedAt)
    {
        public MembershipAttestation.Stage StageAt(DateTimeOffset now) => MembershipAttestation.StageOf(DueAt, RemindedAt, LapsedAt, null, now);
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a number of days.")]
        [Range(1, MembershipAttestation.MaxExtensionDays, ErrorMessage = "Extend by {1} to {2} days.")]
        [Display(Name = "Extend by (days)")]
        public int? Days { get; set; } = 30;

        [Required(ErrorMessage = "Give a reason for the record.")]
        [StringLength(PortalUser.MaxReasonLength, ErrorMessage = "The reason may have at most {1} characters.")]
        [PlainText(AllowLineBreaks = true)]
        [Display(Name = "Reason")]
        public string Reason { get; set; } = string.Empty;
    }

    public DateTimeOffset Now => clock.GetUtcNow();

    protected override async Task<IActionResult> ActAsync(string userId, MemberView member, CancellationToken cancellationToken)
    {
        var newDue = await attestation.ExtendAsync(userId, Input.Days!.Value, Input.Reason, Actor.Of(User), cancellationToken);
        TempData.SetStatusMessage($"{member.FullName} now has until {newDue.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} before being asked to confirm again"
            + (member.LapsedAt is not null ? "; their membership is restored meanwhile." : "."));
        return RedirectToPage("Details", new { userId });
    }

    protected override Task<MemberView?> FindMemberAsync(string userId, CancellationToken cancellationToken) =>
        db.UsersInRole(Roles.Member).AsNoTracking()
            .Where(u => u.Id == userId && u.ErasedAt == null && u.LeftAt == null)
            .Select(u => new MemberView(u.Id, u.FullName, u.Organisation, u.AttestationDueAt, u.AttestationRemindedAt, u.LapsedAt))
            .SingleOrDefaultAsync(cancellationToken);
}

using CecPortal.Web.Features.PersonalData;

namespace CecPortal.Web.Features.Admin.Members;

/// <summary>An Admin erases a member on their request, or removes them for cause (their address is then blocklisted).</summary>
public sealed class EraseModel(AppDbContext db, AccountErasure erasure, EmailBlocklist blocklist) : MemberActionModel<EraseModel.MemberView>
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool BlocklistAvailable => blocklist.IsConfigured;

    public sealed record MemberView(string Id, string FullName, string? Email, string? Organisation);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Give a reason for the record.")]
        [StringLength(AccountErasure.MaxReasonLength, ErrorMessage = "The reason may have at most {1} characters.")]
        [PlainText(AllowLineBreaks = true)]
        [Display(Name = "Reason (kept in the audit log: do not write the member's name)")]
        public string Reason { get; set; } = string.Empty;

        [Display(Name = "Removed for cause: keep this email address out (it is kept as a keyed hash and flagged to vetters if it applies again)")]
        public bool ForCause { get; set; }

        [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to confirm the erasure.")]
        [Display(Name = "I have checked that this is the right member. The erasure cannot be undone.")]
        public bool Confirm { get; set; }
    }

    protected override async Task<IActionResult> ActAsync(string userId, MemberView member, CancellationToken cancellationToken)
    {
        await erasure.EraseByAdminAsync(userId, Input.Reason, Input.ForCause, Actor.Of(User), cancellationToken);

        TempData.SetStatusMessage(Input.ForCause
            ? "The member's account has been erased and their address blocklisted. A confirmation email is on its way to them."
            : "The member's account has been erased. A confirmation email is on its way to them.");
        return RedirectToPage("Index");
    }

    protected override Task<MemberView?> FindMemberAsync(string userId, CancellationToken cancellationToken) =>
        db.UsersInRole(Roles.Member)
            .AsNoTracking()
            .Where(u => u.Id == userId && u.ErasedAt == null)
            .Select(u => new MemberView(u.Id, u.FullName, u.Email, u.Organisation))
            .SingleOrDefaultAsync(cancellationToken);
}

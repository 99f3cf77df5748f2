using CecPortal.Web.Features.Membership.Reference;

namespace CecPortal.Web.Features.Membership.Attestation;

/// <summary>
/// The member confirms in one click that they still hold a security leadership role at the organisation on their
/// profile, or goes to the profile to update it. Open to a lapsed member (the <c>Community</c> policy sends them here),
/// and the confirmation restores them in the same response by signing them in again with fresh claims.
/// </summary>
public sealed class AttestModel(AppDbContext db, UserManager<PortalUser> users, SignInManager<PortalUser> signIn, MembershipAttestation attestation, TimeProvider clock)
    : PageModel, IReloadAfterRefusal
{
    public MemberView? Member { get; private set; }

    public MembershipAttestation.Stage Stage { get; private set; }

    public DateTimeOffset? LapsesAround { get; private set; }

    public sealed record MemberView(string FullName, string? JobTitle, string? Organisation, string? CountryName, string? SectorName, DateTimeOffset? DueAt, DateTimeOffset? RemindedAt, DateTimeOffset? LapsedAt, DateTimeOffset? LastAttestedAt);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        if (userId is null)
        {
            return Challenge();
        }

        var user = await attestation.ConfirmAsync(userId, cancellationToken);
        var wasLapsed = User.IsLapsed();

        // The claims (standing, next due date) change now, not at the next security stamp check.
        await signIn.RefreshSignInAsync(user);
        TempData.SetStatusMessage(wasLapsed
            ? "Thank you: your membership is restored. The briefing, the channels and the directory are open to you again."
            : $"Thank you for confirming. We will ask again around {user.AttestationDueAt!.Value.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.");
        return Redirect("/");
    }

    public Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        Member = await db.UsersInRole(Roles.Member).AsNoTracking()
            .Where(u => u.Id == userId && u.ErasedAt == null)
            .WithPlaceNames(db)
            .Select(x => new MemberView(x.User.FullName, x.User.JobTitle, x.User.Organisation, x.CountryName, x.SectorName,
                x.User.AttestationDueAt, x.User.AttestationRemindedAt, x.User.LapsedAt, x.User.LastAttestedAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (Member is not null)
        {
            Stage = MembershipAttestation.StageOf(Member.DueAt, Member.RemindedAt, Member.LapsedAt, null, clock.GetUtcNow());
            LapsesAround = Member.DueAt is { } due && Member.LapsedAt is null ? attestation.LapsesAround(due) : null;
        }
    }
}

using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Reference;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Infrastructure.Audit;

namespace CecPortal.Web.Features.Admin.Members;

/// <summary>
/// One member as staff see them: profile, application, status, sign-in and two-step state, activity counts, the yearly
/// confirmation of their role, and their history (every audited change whose subject is the member, from any feature);
/// suspend or reinstate from here.
/// </summary>
public sealed class DetailsModel(AppDbContext db, MemberAdministration administration, UserManager<PortalUser> users, IAuthorizationService authorization) : PageModel, IReloadAfterRefusal
{
    /// <summary>The newest entries of the member's history shown; the audit log has the rest.</summary>
    public const int HistorySize = 50;

    [BindProperty]
    public StatusInput Input { get; set; } = new();

    public MemberView Member { get; private set; } = null!;

    public ApplicationView? Application { get; private set; }

    /// <summary>Whether the viewer may open the application in the vetting area (they hold a vetting role and it is in their scope).</summary>
    public bool MayVet { get; private set; }

    public IReadOnlyList<string> StaffRoles { get; private set; } = [];

    public int CurrentNoticeVersion { get; private set; }

    public int? AcceptedNoticeVersion { get; private set; }

    public DateTimeOffset? LastSignInAt { get; private set; }

    public int WebinarRegistrations { get; private set; }

    public int BriefingDeliveries { get; private set; }

    public IReadOnlyList<AuditRow> History { get; private set; } = [];

    public StandingView Standing { get; private set; } = null!;

    public sealed record MemberView(
        string Id,
        string FullName,
        string? Email,
        string? PendingEmail,
        string? JobTitle,
        string? Organisation,
        string? CountryName,
        string? SectorName,
        string? TimeZoneId,
        bool HiddenFromDirectory,
        bool BriefingOptOut,
        bool AnnouncementsOptOut,
        DateTimeOffset CreatedAt,
        DateTimeOffset? SuspendedAt,
        string? SuspensionReason,
        bool HasPassword,
        bool TwoFactorEnabled,
        DateTimeOffset? LockoutEnd,
        int AccessFailedCount)
    {
        public bool IsSuspended => SuspendedAt is not null;
    }

    public sealed record ApplicationView(Guid Id, ApplicationStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, int Round, string CountryCode, string SectorCode);

    /// <summary>The yearly confirmation of the member's role (issue 18).</summary>
    public sealed record StandingView(DateTimeOffset? DueAt, DateTimeOffset? RequestedAt, DateTimeOffset? RemindedAt, DateTimeOffset? LastAttestedAt, DateTimeOffset? LapsedAt, DateTimeOffset? LeftAt)
    {
        public bool IsLapsed => LapsedAt is not null;

        public bool IsAlumni => LeftAt is not null;
    }

    public sealed record AuditRow(DateTimeOffset At, string ActorName, string Action, string? Note);

    public sealed class StatusInput
    {
        /// <summary>What the person meant to do: a page left open while someone else acted must not do the opposite.</summary>
        [Required]
        public SuspendModel.StatusChange? Change { get; set; }

        [Required(ErrorMessage = "Give a reason for the record.")]
        [StringLength(PortalUser.MaxReasonLength, ErrorMessage = "The reason may have at most {1} characters.")]
        [PlainText(AllowLineBreaks = true)]
        [Display(Name = "Reason")]
        public string Reason { get; set; } = string.Empty;
    }

    public async Task<IActionResult> OnGetAsync(string userId, CancellationToken cancellationToken) =>
        await LoadAsync(userId, cancellationToken) ? Page() : NotFound();

    /// <summary>Suspends or reinstates from the profile, then comes back to it.</summary>
    public async Task<IActionResult> OnPostStatusAsync(string userId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(userId, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var actor = Actor.Of(User);
        if (Input.Change == SuspendModel.StatusChange.Suspend)
        {
            await administration.SuspendAsync(userId, Input.Reason, actor);
        }
        else
        {
            await administration.ReinstateAsync(userId, Input.Reason, actor);
        }

        TempData.SetStatusMessage(Input.Change == SuspendModel.StatusChange.Suspend
            ? $"{Member.FullName} is suspended and can no longer sign in."
            : $"{Member.FullName} is reinstated and can sign in again.");
        return RedirectToPage(new { userId });
    }

    /// <summary>The account as it stands now: a colleague's change may be why this one was refused.</summary>
    public Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => LoadAsync(Member.Id, cancellationToken);

    private async Task<bool> LoadAsync(string userId, CancellationToken cancellationToken)
    {
        var member = await db.UsersInRole(Roles.Member)
            .AsNoTracking()
            .Where(u => u.Id == userId && u.ErasedAt == null)
            .WithPlaceNames(db)
            .Select(x => new MemberView(
                x.User.Id,
                x.User.FullName,
                x.User.Email,
                x.User.PendingEmail,
                x.User.JobTitle,
                x.User.Organisation,
                x.CountryName,
                x.SectorName,
                x.User.TimeZoneId,
                x.User.HiddenFromDirectory,
                x.User.BriefingOptOutAt != null,
                x.User.WebinarAnnouncementsOptOutAt != null,
                x.User.CreatedAt,
                x.User.SuspendedAt,
                x.User.SuspensionReason,
                x.User.PasswordHash != null,
                x.User.TwoFactorEnabled,
                x.User.LockoutEnd,
                x.User.AccessFailedCount))
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return false;
        }

        Member = member;
        StaffRoles = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .Where(name => name != Roles.Member)
            .OrderBy(name => name)
            .ToListAsync(cancellationToken);

        Application = await db.MembershipApplications.AsNoTracking()
            .Where(a => a.MemberUserId == userId)
            .OrderByDescending(a => a.CreatedAt)
            .Select(a => new ApplicationView(a.Id, a.Status, a.CreatedAt, a.DecidedAt, a.Round, a.CountryCode, a.SectorCode))
            .FirstOrDefaultAsync(cancellationToken);
        MayVet = Application is not null && await MayOpenInVettingAsync(Application, cancellationToken);

        CurrentNoticeVersion = await db.PrivacyNotices.MaxAsync(n => n.Version, cancellationToken);
        AcceptedNoticeVersion = await db.PrivacyAcceptances.Where(a => a.UserId == userId).MaxAsync(a => (int?)a.Version, cancellationToken);

        var subject = SecurityEvents.UserSubject(userId);
        LastSignInAt = await db.AuditEntries
            .Where(e => e.Subject == subject && e.Action == SecurityEvents.SignInSucceeded)
            .MaxAsync(e => (DateTimeOffset?)e.At, cancellationToken);
        WebinarRegistrations = await db.WebinarRegistrations.CountAsync(r => r.MemberId == userId && r.Status != RegistrationStatus.Cancelled, cancellationToken);
        BriefingDeliveries = await db.BriefingDeliveries.CountAsync(d => d.MemberId == userId, cancellationToken);
        History = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Subject == subject)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(HistorySize)
            .Select(e => new AuditRow(e.At, e.ActorName, e.Action, e.Note))
            .ToListAsync(cancellationToken);
        Standing = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new StandingView(u.AttestationDueAt, u.AttestationRequestedAt, u.AttestationRemindedAt, u.LastAttestedAt, u.LapsedAt, u.LeftAt))
            .SingleAsync(cancellationToken);
        return true;
    }

    /// <summary>The vetting page answers 404 outside the viewer's scope: link to it only when it would open.</summary>
    private async Task<bool> MayOpenInVettingAsync(ApplicationView application, CancellationToken cancellationToken)
    {
        if (application.Status == ApplicationStatus.Unverified || !(await authorization.AuthorizeAsync(User, Policies.Vetting)).Succeeded)
        {
            return false;
        }

        if (User.IsInRole(Roles.Admin))
        {
            return true;
        }

        var viewerId = users.GetUserId(User);
        return await db.VetterCountries.AnyAsync(v => v.UserId == viewerId && v.CountryCode == application.CountryCode, cancellationToken)
            || await db.VetterSectors.AnyAsync(v => v.UserId == viewerId && v.SectorCode == application.SectorCode, cancellationToken);
    }
}

using System.Security.Claims;
using CecPortal.Web.Features.Membership.ProfileChanges;
using CecPortal.Web.Features.Membership.Vetting;

namespace CecPortal.Web.Features.Admin.Vetting.ProfileChanges;

/// <summary>One member's change of organisation, country or sector: before and after, flags, the member's timeline, and one vetter's decision. Out of scope answers 404.</summary>
public sealed class ReviewModel(AppDbContext db, VettingScopes scopes, ProfileChangeReviews reviews) : PageModel, IReloadAfterRefusal
{
    public ProfileReview Review { get; private set; } = null!;

    public MemberView Member { get; private set; } = null!;

    public IReadOnlyList<ProfileReview> History { get; private set; } = [];

    public IReadOnlyDictionary<string, string> CountryNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> SectorNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>A vetter never decides a change to their own profile.</summary>
    public bool IsOwnChange { get; private set; }

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public sealed record MemberView(string FullName, string? Email, string? JobTitle, DateTimeOffset MemberSince);

    public sealed class DecisionInput
    {
        [StringLength(ProfileReview.MaxNoteLength, ErrorMessage = "A note can have at most {1} characters.")]
        [PlainText(AllowLineBreaks = true)]
        [Display(Name = "Note for the record (staff only)")]
        public string? Note { get; set; }

        [StringLength(ProfileReview.MaxReasonLength, ErrorMessage = "The reason can have at most {1} characters.")]
        [PlainText(AllowLineBreaks = true)]
        [Display(Name = "Reason the member reads (required to refuse)")]
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, scope => reviews.ConfirmAsync(id, scope, Actor.Of(User), Input.Note, cancellationToken), "The change is confirmed: the profile shows it now, and the member was told.", cancellationToken);

    public Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, scope => reviews.RefuseAsync(id, scope, Actor.Of(User), Input.Reason ?? string.Empty, Input.Note, cancellationToken), "The change is refused: the profile keeps the previous values, and the member was told why.", cancellationToken);

    public Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => LoadAsync(Review.Id, cancellationToken);

    public string Country(string? code) => code is null ? "not given" : CountryNames.GetValueOrDefault(code, code);

    public string Sector(string? code) => code is null ? "not given" : SectorNames.GetValueOrDefault(code, code);

    private async Task<IActionResult> DecideAsync(Guid id, Func<VettingScope, Task> decide, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await decide(await ScopeAsync(cancellationToken));
        TempData.SetStatusMessage(done);
        return RedirectToPage(new { id });
    }

    private Task<VettingScope> ScopeAsync(CancellationToken cancellationToken) =>
        scopes.ForAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.IsInRole(Roles.Admin), cancellationToken);

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var review = await reviews.FindInScopeAsync(id, await ScopeAsync(cancellationToken), cancellationToken);
        if (review is null)
        {
            return false;
        }

        Review = review;
        Member = await db.Users.AsNoTracking().Where(u => u.Id == review.UserId)
            .Select(u => new MemberView(u.FullName, u.Email, u.JobTitle, u.CreatedAt))
            .SingleAsync(cancellationToken);
        History = await reviews.HistoryAsync(review.UserId, cancellationToken);
        IsOwnChange = review.UserId == User.FindFirstValue(ClaimTypes.NameIdentifier);
        CountryNames = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        SectorNames = await db.Sectors.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        return true;
    }
}

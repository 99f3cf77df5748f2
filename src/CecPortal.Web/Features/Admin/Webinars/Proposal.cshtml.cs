using CecPortal.Web.Features.Admin.Webinars.Forms;
using CecPortal.Web.Features.Webinars.Proposals;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Infrastructure.Markdown;

namespace CecPortal.Web.Features.Admin.Webinars;

/// <summary>Reviewing one talk proposal: accept it into an upcoming session, or decline it with a note; the member is emailed.</summary>
public sealed class ProposalModel(AppDbContext db, WebinarAdministration administration, MarkdownRenderer markdown, TimeProvider clock) : PageModel
{
    public ProposalView Proposal { get; private set; } = null!;

    public IReadOnlyList<SessionChoice> Sessions { get; private set; } = [];

    public AcceptProposalForm Accept { get; set; } = new();

    public DeclineProposalForm Decline { get; set; } = new();

    public sealed record ProposalView(
        Guid Id,
        string MemberName,
        string? MemberEmail,
        string? Organisation,
        string Title,
        string AbstractHtml,
        IReadOnlyList<DateOnly> PreferredMonths,
        ProposalStatus Status,
        string? DecisionNote,
        DateTimeOffset CreatedAt,
        DateTimeOffset? DecidedAt,
        Guid? SessionId);

    public sealed record SessionChoice(Guid Id, DateTimeOffset StartsAt, string TimeZoneId, string Title, bool HasAbstract);

    public string? FormError(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, [Bind(Prefix = nameof(Accept))] AcceptProposalForm accept, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Accept = accept;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await administration.AcceptProposalAsync(id, accept.SessionId!.Value, accept.CopyToSession, accept.Note, Actor.Of(User), cancellationToken);
        }
        catch (WebinarRuleException ex)
        {
            return await ReshowAsync(id, nameof(Accept), ex.Message, cancellationToken);
        }

        TempData.SetStatusMessage($"\u201c{Proposal.Title}\u201d is accepted: {Proposal.MemberName} is a speaker of the session and is emailed.");
        return RedirectToPage("Session", new { id = accept.SessionId });
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, [Bind(Prefix = nameof(Decline))] DeclineProposalForm decline, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Decline = decline;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await administration.DeclineProposalAsync(id, decline.Note!, Actor.Of(User), cancellationToken);
        }
        catch (WebinarRuleException ex)
        {
            return await ReshowAsync(id, nameof(Decline), ex.Message, cancellationToken);
        }

        TempData.SetStatusMessage($"\u201c{Proposal.Title}\u201d is declined; {Proposal.MemberName} is emailed your note.");
        return RedirectToPage("Proposals");
    }

    private async Task<IActionResult> ReshowAsync(Guid id, string formKey, string message, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // A decision taken in another tab or by a colleague hides the forms: say so rather than the entity's wording.
        ModelState.AddModelError(formKey, Proposal.Status == ProposalStatus.Submitted
            ? message
            : $"Someone decided on this proposal meanwhile: it is {Proposal.Status.ToString().ToLowerInvariant()}. Nothing was changed and no email was sent.");
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await (from p in db.TalkProposals.AsNoTracking()
                         join u in db.Users on p.MemberId equals u.Id
                         where p.Id == id
                         select new { Proposal = p, u.FullName, u.Email, u.Organisation })
                        .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return false;
        }

        var stored = row.Proposal;
        Proposal = new ProposalView(
            stored.Id,
            row.FullName,
            row.Email,
            row.Organisation,
            stored.Title,
            markdown.Render(stored.AbstractMarkdown),
            stored.PreferredMonths,
            stored.Status,
            stored.DecisionNote,
            stored.CreatedAt,
            stored.DecidedAt,
            stored.SessionId);
        var now = clock.GetUtcNow();
        Sessions = await db.WebinarSessions.AsNoTracking()
            .Where(s => s.EndsAt > now && (s.Status == WebinarStatus.Planned || s.Status == WebinarStatus.Confirmed))
            .OrderBy(s => s.StartsAt)
            .Select(s => new SessionChoice(s.Id, s.StartsAt, s.TimeZoneId, s.Title, s.AbstractMarkdown != string.Empty))
            .ToListAsync(cancellationToken);
        return true;
    }
}

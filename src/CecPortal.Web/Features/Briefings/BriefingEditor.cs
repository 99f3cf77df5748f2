using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Markdown;
using Npgsql;

namespace CecPortal.Web.Features.Briefings;

/// <summary>
/// Writing briefings: create, save, schedule, move back to draft, publish early and delete drafts. Renders the
/// Markdown once per saved revision, refuses stale versions and duplicate edition dates, and records an audit
/// entry in the same save as every change.
/// </summary>
public sealed class BriefingEditor(AppDbContext db, MarkdownRenderer renderer, AuditLog audit, TimeProvider clock, IOptions<BriefingOptions> options)
{
    public const string CreateAction = "briefing.create";
    public const string EditAction = "briefing.edit";
    public const string ScheduleAction = "briefing.schedule";
    public const string UnscheduleAction = "briefing.unschedule";
    public const string PublishAction = "briefing.publish";
    public const string DeleteAction = "briefing.delete";

    /// <summary>How far ahead the next free date is looked for; an editor can always type another date.</summary>
    private const int LookAheadDays = 366;

    public static string FormatDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Subject(Guid id) => $"briefing:{id}";

    /// <summary>The first date on or after <paramref name="from"/> that is not in <paramref name="taken"/>.</summary>
    public static DateOnly FirstFreeDate(DateOnly from, IEnumerable<DateOnly> taken)
    {
        var used = taken.ToHashSet();
        var date = from;
        while (used.Contains(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The default edition date of a new briefing: the first date from tomorrow (briefing time zone) without one.</summary>
    public async Task<DateOnly> NextFreeEditionDateAsync(CancellationToken cancellationToken)
    {
        var tomorrow = options.Value.Today(clock).AddDays(1);
        var until = tomorrow.AddDays(LookAheadDays);
        var taken = await db.Briefings.AsNoTracking()
            .Where(b => b.EditionDate >= tomorrow && b.EditionDate <= until)
            .Select(b => b.EditionDate)
            .ToListAsync(cancellationToken);
        return FirstFreeDate(tomorrow, taken);
    }

    public async Task<BriefingSaved> CreateAsync(BriefingDraft draft, Actor actor, CancellationToken cancellationToken)
    {
        await EnsureDateFreeAsync(draft.EditionDate, null, cancellationToken);
        var briefing = Briefing.Create(draft.EditionDate, Render(draft), actor.Id, clock.GetUtcNow());
        db.Briefings.Add(briefing);
        audit.Record(actor, CreateAction, Subject(briefing.Id), Describe(briefing));
        await SaveAsync(briefing.EditionDate, cancellationToken);
        return Saved(briefing, contentChanged: true);
    }

    /// <summary>
    /// Saves <paramref name="draft"/> when it differs from the stored text (a new revision), then takes
    /// <paramref name="step"/>; both in one save, refused when the briefing moved past <paramref name="version"/>.
    /// </summary>
    public async Task<BriefingSaved> SaveAsync(Guid id, uint version, BriefingDraft draft, BriefingStep step, Actor actor, CancellationToken cancellationToken)
    {
        var briefing = await LoadAsync(id, version, cancellationToken);
        var now = clock.GetUtcNow();
        var changed = !SameContent(briefing, draft);
        if (changed)
        {
            if (draft.EditionDate != briefing.EditionDate)
            {
                await EnsureDateFreeAsync(draft.EditionDate, id, cancellationToken);
            }

            briefing.Edit(draft.EditionDate, Render(draft), actor.Id, now);
            audit.Record(actor, EditAction, Subject(id), Describe(briefing));
        }

        switch (step)
        {
            case BriefingStep.Schedule:
                EnsureDateNotPassed(briefing);
                briefing.Schedule(actor.Id, now);
                audit.Record(actor, ScheduleAction, Subject(id), Describe(briefing));
                break;
            case BriefingStep.Unschedule:
                briefing.Unschedule(actor.Id, now);
                audit.Record(actor, UnscheduleAction, Subject(id), Describe(briefing));
                break;
            case BriefingStep.Publish:
                briefing.Publish(now);
                audit.Record(actor, PublishAction, Subject(id), Describe(briefing));
                break;
            case BriefingStep.None:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, null);
        }

        await SaveAsync(briefing.EditionDate, cancellationToken);
        return Saved(briefing, changed);
    }

    /// <summary>Deletes a draft; anything scheduled or published has been promised to members and stays.</summary>
    public async Task<BriefingSaved> DeleteDraftAsync(Guid id, uint version, Actor actor, CancellationToken cancellationToken)
    {
        var briefing = await LoadAsync(id, version, cancellationToken);
        if (briefing.Status != BriefingStatus.Draft)
        {
            throw new BriefingRuleException($"Only a draft can be deleted; this briefing is {briefing.Status.ToString().ToLowerInvariant()}.");
        }

        db.Briefings.Remove(briefing);
        audit.Record(actor, DeleteAction, Subject(id), $"{Describe(briefing)}: {Shorten(briefing.Title, 200)}");
        await SaveAsync(briefing.EditionDate, cancellationToken);
        return Saved(briefing, contentChanged: false);
    }

    /// <summary>The Markdown rendered by the same renderer members' pages and emails use.</summary>
    public string RenderMarkdown(string markdown) => renderer.Render(markdown);

    private BriefingContent Render(BriefingDraft draft) =>
        new(draft.Title, draft.BodyMarkdown, renderer.Render(draft.BodyMarkdown), draft.Tlp, draft.Vulnerabilities);

    private static bool SameContent(Briefing briefing, BriefingDraft draft) =>
        briefing.EditionDate == draft.EditionDate
        && briefing.Title == draft.Title
        && briefing.BodyMarkdown == draft.BodyMarkdown
        && briefing.Tlp == draft.Tlp
        && briefing.Vulnerabilities.SequenceEqual(draft.Vulnerabilities);

    private async Task<Briefing> LoadAsync(Guid id, uint version, CancellationToken cancellationToken)
    {
        var briefing = await db.Briefings.SingleOrDefaultAsync(b => b.Id == id, cancellationToken)
            ?? throw new BriefingRuleException("This briefing no longer exists; someone may have deleted it.");
        if (briefing.Version != version)
        {
            throw new BriefingConflictException();
        }

        // The UPDATE or DELETE checks xmin again, for a save that lands between this read and ours.
        db.Entry(briefing).Property(b => b.Version).OriginalValue = version;
        return briefing;
    }

    private void EnsureDateNotPassed(Briefing briefing)
    {
        var today = options.Value.Today(clock);
        if (briefing.EditionDate < today)
        {
            throw new BriefingRuleException(
                $"The edition date {FormatDate(briefing.EditionDate)} has passed, so the morning job would not send it: change the date, or publish it now.");
        }
    }

    private async Task EnsureDateFreeAsync(DateOnly date, Guid? exceptId, CancellationToken cancellationToken)
    {
        var existing = await ExistingIdAsync(date, exceptId, cancellationToken);
        if (existing is { } existingId)
        {
            throw new EditionDateTakenException(date, existingId);
        }
    }

    private Task<Guid?> ExistingIdAsync(DateOnly date, Guid? exceptId, CancellationToken cancellationToken) =>
        db.Briefings.AsNoTracking()
            .Where(b => b.EditionDate == date && b.Id != exceptId)
            .Select(b => (Guid?)b.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task SaveAsync(DateOnly editionDate, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new BriefingConflictException();
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two editors chose the same free date at the same moment: the unique index decides.
            db.ChangeTracker.Clear();
            var existing = await ExistingIdAsync(editionDate, null, cancellationToken);
            throw existing is { } existingId ? new EditionDateTakenException(editionDate, existingId) : new BriefingConflictException();
        }
    }

    private static BriefingSaved Saved(Briefing briefing, bool contentChanged) =>
        new(briefing.Id, briefing.EditionDate, briefing.Status, briefing.Revision, contentChanged);

    private static string Describe(Briefing briefing) =>
        $"{FormatDate(briefing.EditionDate)}, revision {briefing.Revision}, {briefing.Tlp.Display()}, {briefing.Status.ToString().ToLowerInvariant()}";

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}

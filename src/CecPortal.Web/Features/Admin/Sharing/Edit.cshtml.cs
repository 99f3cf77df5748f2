using CecPortal.Web.Features.Sharing.Channels;

namespace CecPortal.Web.Features.Admin.Sharing;

/// <summary>
/// One channel: its name (open channels and working groups only), description and default label, saved against the
/// version the form was loaded with; and archiving. The fields are bound by the names the channel's rules use, so a
/// refusal appears under its field with what was typed kept.
/// </summary>
public sealed class EditModel(AppDbContext db, ChannelAdministration administration) : PageModel, IReloadAfterRefusal, IChannelFields
{
    [BindProperty]
    [StringLength(Channel.MaxNameLength, ErrorMessage = "The name may have at most {1} characters.")]
    [PlainText]
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [BindProperty]
    [StringLength(Channel.MaxDescriptionLength, ErrorMessage = "The description may have at most {1} characters.")]
    [PlainText]
    [Display(Name = "Description")]
    public string? Description { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choose a TLP label.")]
    [Display(Name = "Default TLP label")]
    public TlpLabel? DefaultTlp { get; set; }

    /// <summary>The channel's <c>xmin</c> when the form was loaded: a colleague's save in between is refused, not overwritten.</summary>
    [BindProperty]
    public uint? Version { get; set; }

    public ChannelState Current { get; private set; } = null!;

    public IEnumerable<TlpLabel> TlpChoices => Enum.GetValues<TlpLabel>().Where(l => RedAllowed || l != TlpLabel.Red || l == TlpSelected);

    public TlpLabel TlpSelected => DefaultTlp ?? Current.DefaultTlp;

    public string TlpRedRule => RedAllowed ? "TLP:RED is allowed here: a working group's readers are named one by one." : "TLP:RED is only for working groups.";

    private bool RedAllowed => Current.Kind == ChannelKind.WorkingGroup;

    public sealed record ChannelState(Guid Id, string Slug, string Name, string? Description, ChannelKind Kind, TlpLabel DefaultTlp, DateTimeOffset? ArchivedAt, uint Version)
    {
        public bool NameIsFixed => ChannelAdministration.NameIsFixed(Kind);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        (Name, Description, DefaultTlp, Version) = (Current.Name, Current.Description, Current.DefaultTlp, Current.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!Current.NameIsFixed && string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Give the channel a name.");
        }

        if (Version is null)
        {
            ModelState.AddModelError(string.Empty, "Reload the page: the form lost the channel's version.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var changed = await administration.EditAsync(id, Version!.Value, Current.NameIsFixed ? null : Name, Description, DefaultTlp!.Value, Actor.Of(User), cancellationToken);
        TempData.SetStatusMessage(changed ? "The channel is saved." : "Nothing changed.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ShowStored();
        await administration.ArchiveAsync(id, Actor.Of(User), cancellationToken);
        TempData.SetStatusMessage($"{Current.Name} is archived: no one reads it or is offered it any more. Its messages are kept.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ShowStored();
        await administration.RestoreAsync(id, Actor.Of(User), cancellationToken);
        TempData.SetStatusMessage($"{Current.Name} is active again.");
        return RedirectToPage(new { id });
    }

    /// <summary>The channel as stored now (a colleague's change may be why this one was refused); the fields stay as typed.</summary>
    public Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => LoadAsync(Current.Id, cancellationToken);

    /// <summary>The archive buttons post no fields: a refusal re-shows the stored values in the form.</summary>
    private void ShowStored()
    {
        ModelState.Clear();
        (Name, Description, DefaultTlp, Version) = (Current.Name, Current.Description, Current.DefaultTlp, Current.Version);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var state = await db.Channels.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new ChannelState(c.Id, c.Slug, c.Name, c.Description, c.Kind, c.DefaultTlp, c.ArchivedAt, c.Version))
            .SingleOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            return false;
        }

        Current = state;
        return true;
    }
}

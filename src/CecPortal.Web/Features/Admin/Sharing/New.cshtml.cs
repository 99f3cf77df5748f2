using CecPortal.Web.Features.Sharing.Channels;

namespace CecPortal.Web.Features.Admin.Sharing;

/// <summary>
/// Creates an open channel or a working group. The fields are bound by the names the channel's rules use, so a refusal
/// (an address taken, TLP:RED outside a working group) appears under the field it is about, with everything kept as typed.
/// </summary>
public sealed class NewModel(ChannelAdministration administration) : PageModel, IChannelFields
{
    [BindProperty]
    [Required(ErrorMessage = "Choose what kind of channel to create.")]
    [Display(Name = "Kind")]
    public ChannelKind? Kind { get; set; } = ChannelKind.Open;

    [BindProperty]
    [Required(ErrorMessage = "Give the channel a name.")]
    [StringLength(Channel.MaxNameLength, ErrorMessage = "The name may have at most {1} characters.")]
    [PlainText]
    [Display(Name = "Name")]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Give the channel an address.")]
    [StringLength(Channel.MaxSlugLength, ErrorMessage = "The address may have at most {1} characters.")]
    [Display(Name = "Address")]
    public string Slug { get; set; } = string.Empty;

    [BindProperty]
    [StringLength(Channel.MaxDescriptionLength, ErrorMessage = "The description may have at most {1} characters.")]
    [PlainText]
    [Display(Name = "Description")]
    public string? Description { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choose a TLP label.")]
    [Display(Name = "Default TLP label")]
    public TlpLabel? DefaultTlp { get; set; } = TlpRules.Default;

    public IEnumerable<TlpLabel> TlpChoices => Enum.GetValues<TlpLabel>();

    public TlpLabel TlpSelected => DefaultTlp ?? TlpRules.Default;

    public string TlpRedRule => "TLP:RED is only for working groups, whose readers are named one by one, and is never emailed.";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var id = await administration.CreateAsync(Kind!.Value, Slug, Name, Description, DefaultTlp!.Value, Actor.Of(User), cancellationToken);
        TempData.SetStatusMessage(Kind == ChannelKind.WorkingGroup
            ? $"The working group {Name.Trim()} is created. Add its members and name one of them its moderator."
            : $"The open channel {Name.Trim()} is created; every member can read and join it.");
        return Kind == ChannelKind.WorkingGroup ? RedirectToPage("Members", new { id }) : RedirectToPage("Edit", new { id });
    }
}

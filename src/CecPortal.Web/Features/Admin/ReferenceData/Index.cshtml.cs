namespace CecPortal.Web.Features.Admin.ReferenceData;

/// <summary>Sectors (display names) and the free-mail list used by the pre-checks.</summary>
public sealed class IndexModel(AppDbContext db, ReferenceDataAdministration administration) : PageModel
{
    public IReadOnlyList<SectorRow> Sectors { get; private set; } = [];

    public IReadOnlyList<string> FreeMailDomains { get; private set; } = [];

    public sealed record SectorRow(string Code, string Name, string Annex);

    [BindProperty]
    public SectorInput Sector { get; set; } = new();

    [BindProperty]
    public DomainInput Domain { get; set; } = new();

    public sealed class SectorInput
    {
        [Required]
        [StringLength(64)]
        public string Code { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter the sector's name.")]
        [StringLength(100, ErrorMessage = "A sector name has at most {1} characters.")]
        [PlainText]
        [Display(Name = "Sector name")]
        public string Name { get; set; } = string.Empty;
    }

    public sealed class DomainInput
    {
        [Required(ErrorMessage = "Enter a domain such as mail.example.")]
        [StringLength(253, ErrorMessage = "A domain has at most {1} characters.")]
        [RegularExpression(@"^@?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+\.?$", ErrorMessage = "Enter a domain such as mail.example, without spaces.")]
        [Display(Name = "Free-mail domain")]
        public string Name { get; set; } = string.Empty;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRenameSectorAsync(CancellationToken cancellationToken)
    {
        KeepValidationOf(nameof(Sector));
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (!await administration.RenameSectorAsync(Sector.Code, Sector.Name, Actor.Of(User), cancellationToken))
        {
            return NotFound();
        }

        TempData.SetStatusMessage($"The sector is now called \"{Sector.Name.Trim()}\".");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddDomainAsync(CancellationToken cancellationToken)
    {
        KeepValidationOf(nameof(Domain));
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var added = await administration.AddFreeMailDomainAsync(Domain.Name, Actor.Of(User), cancellationToken);
        TempData.SetStatusMessage(added ? $"{ReferenceDataAdministration.Normalize(Domain.Name)} is now flagged as free mail." : "That domain is already on the list.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveDomainAsync(string domain, CancellationToken cancellationToken)
    {
        if (!await administration.RemoveFreeMailDomainAsync(domain ?? string.Empty, Actor.Of(User), cancellationToken))
        {
            return NotFound();
        }

        TempData.SetStatusMessage($"{domain} is no longer flagged as free mail.");
        return RedirectToPage();
    }

    /// <summary>Each handler posts one of the two forms; the other form's (empty, unprefixed) fields must not fail it.</summary>
    private void KeepValidationOf(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Sectors = await db.Sectors.AsNoTracking().OrderBy(s => s.SortOrder)
            .Select(s => new SectorRow(s.Code, s.Name, s.Annex.ToString())).ToListAsync(cancellationToken);
        FreeMailDomains = await db.FreeMailDomains.AsNoTracking().OrderBy(d => d.Domain).Select(d => d.Domain).ToListAsync(cancellationToken);
    }
}

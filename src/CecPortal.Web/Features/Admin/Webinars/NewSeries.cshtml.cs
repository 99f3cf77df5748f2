namespace CecPortal.Web.Features.Admin.Webinars;

/// <summary>A new monthly series; its sessions of the next twelve months are planned at once.</summary>
public sealed class NewSeriesModel(WebinarAdministration administration) : SeriesFormPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ValidRule() is not { } rule)
        {
            return Page();
        }

        var (id, planned) = await administration.CreateSeriesAsync(Input.Title, rule, Input.DefaultCapacity!.Value, Actor.Of(User), cancellationToken);
        TempData.SetStatusMessage($"The series \u201c{Input.Title.Trim()}\u201d is created: {rule.Describe()}. {planned} session(s) planned.");
        return RedirectToPage("EditSeries", new { id });
    }
}

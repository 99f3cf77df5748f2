using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Infrastructure.Markdown;

namespace CecPortal.Web.Features.Admin.Briefings;

/// <summary>A new briefing, saved as a draft; the /Admin/Briefings convention admits Editors and Admins.</summary>
public sealed class NewModel(BriefingEditor editor, MarkdownRenderer renderer) : BriefingFormPageModel(renderer)
{
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = new BriefingForm { EditionDate = await editor.NextFreeEditionDateAsync(cancellationToken) };
        Input.AddEmptyRows();
        Preview = RenderPreview();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            ShowInvalidForm();
            return Page();
        }

        try
        {
            var saved = await editor.CreateAsync(Input.ToDraft(), Actor.Of(User), cancellationToken);
            TempData.SetStatusMessage($"The draft for {BriefingEditor.FormatDate(saved.EditionDate)} is saved. Schedule it when it is ready.");
            return RedirectToPage("Edit", new { id = saved.Id });
        }
        catch (EditionDateTakenException taken)
        {
            ShowDateTaken(taken);
            return Page();
        }
    }

    public void OnPostAddRows() => ShowTypedFormWithPreview(BriefingForm.EmptyRows);

    public void OnPostShowPreview() => ShowTypedFormWithPreview();
}

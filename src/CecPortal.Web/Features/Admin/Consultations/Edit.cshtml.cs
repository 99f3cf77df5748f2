using CecPortal.Web.Features.Consultations;

namespace CecPortal.Web.Features.Admin.Consultations;

/// <summary>Changes a draft consultation's details; once it is open they stay as members saw them.</summary>
public sealed class EditModel(AppDbContext db, ConsultationAdministration administration) : ConsultationFormPageModel(db)
{
    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var consultation = await administration.FindAsync(id, cancellationToken);
        if (consultation is null)
        {
            return NotFound();
        }

        if (!consultation.IsEditable)
        {
            return RedirectToPage("Consultation", new { id });
        }

        Id = id;
        Input = ConsultationForm.From(consultation);
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        try
        {
            await administration.EditAsync(id, Input.ToDetails(), Actor.Of(User), cancellationToken);
        }
        catch (ConsultationRuleException ex)
        {
            ModelState.AddModelError(ex.Field is null ? string.Empty : $"{nameof(Input)}.{ex.Field}", ex.Message);
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        TempData.SetStatusMessage("The consultation's details are saved.");
        return RedirectToPage("Consultation", new { id });
    }
}

using CecPortal.Web.Features.Consultations;

namespace CecPortal.Web.Features.Admin.Consultations;

/// <summary>Starts a consultation as a draft; its questions are added on the consultation's page.</summary>
public sealed class NewModel(AppDbContext db, ConsultationAdministration administration, TimeProvider clock) : ConsultationFormPageModel(db)
{
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.Deadline = clock.GetUtcNow().UtcDateTime.Date.AddDays(22).AddHours(12);
        await LoadChoicesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        Guid id;
        try
        {
            id = await administration.CreateAsync(Input.ToDetails(), Actor.Of(User), cancellationToken);
        }
        catch (ConsultationRuleException ex)
        {
            ModelState.AddModelError(ex.Field is null ? string.Empty : $"{nameof(Input)}.{ex.Field}", ex.Message);
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        TempData.SetStatusMessage("The consultation is saved as a draft. Add its questions, then open it.");
        return RedirectToPage("Consultation", new { id });
    }
}

namespace CecPortal.Web.Features.Consultations;

/// <summary>
/// The member home's "open consultations" block: those the signed-in member is invited to and may still answer, with
/// whether they have. Nothing for visitors, for staff who are not members, or when none is open.
/// </summary>
public sealed class OpenConsultationsViewComponent(ConsultationAnswering answering) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.Identity?.IsAuthenticated != true || !UserClaimsPrincipal.IsInRole(Roles.Member))
        {
            return Content(string.Empty);
        }

        var open = (await answering.ListAsync(Actor.Of(UserClaimsPrincipal).Id, isStaff: false, HttpContext.RequestAborted))
            .Where(c => c.Status == ConsultationStatus.Open)
            .ToList();
        return open.Count == 0 ? Content(string.Empty) : View("~/Features/Consultations/_OpenConsultations.cshtml", open);
    }
}

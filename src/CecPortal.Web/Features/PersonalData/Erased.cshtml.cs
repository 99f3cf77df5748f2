namespace CecPortal.Web.Features.PersonalData;

/// <summary>Where an erased person lands, signed out.</summary>
public sealed class ErasedModel : PageModel
{
    public void OnGet()
    {
    }
}

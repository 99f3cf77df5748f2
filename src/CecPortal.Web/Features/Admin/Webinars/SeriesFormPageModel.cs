using CecPortal.Web.Features.Admin.Webinars.Forms;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;

namespace CecPortal.Web.Features.Admin.Webinars;

/// <summary>The series form shared by the new and edit pages.</summary>
public abstract class SeriesFormPageModel : PageModel
{
    [BindProperty]
    public SeriesForm Input { get; set; } = new();

    public static IReadOnlyList<string> ZoneChoices => MemberTimeZones.Choices;

    /// <summary>The validated rule, or null with the messages in ModelState (the form then re-shows as typed).</summary>
    protected SeriesRule? ValidRule()
    {
        var rule = Input.ToRule(ModelState, nameof(Input));
        return ModelState.IsValid ? rule : null;
    }
}

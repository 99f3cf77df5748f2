using CecPortal.Web.Features.Admin.Webinars.Forms;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;

namespace CecPortal.Web.Features.Admin.Webinars;

/// <summary>A one-off session, outside any series (a special edition, an extra date).</summary>
public sealed class NewSessionModel(WebinarAdministration administration) : PageModel
{
    [BindProperty]
    public NewSessionForm Input { get; set; } = new();

    public static IReadOnlyList<string> ZoneChoices => MemberTimeZones.Choices;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var id = await administration.CreateSessionAsync(
                Input.Title,
                Input.Date!.Value,
                Input.StartTime!.Value,
                Input.TimeZoneId!.Trim(),
                TimeSpan.FromMinutes(Input.DurationMinutes!.Value),
                Input.Capacity!.Value,
                Actor.Of(User),
                cancellationToken);
            TempData.SetStatusMessage($"The session \u201c{Input.Title.Trim()}\u201d is planned. Add its abstract, speakers and meeting link below.");
            return RedirectToPage("Session", new { id });
        }
        catch (WebinarRuleException ex)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Date)}", ex.Message);
            return Page();
        }
    }
}

namespace CecPortal.Web.Features.PersonalData;

/// <summary>
/// "Download my data" for any signed-in person, member or staff. The download is a POST with the antiforgery token,
/// so another site cannot make a browser fetch (and audit) an export.
/// </summary>
public sealed class DataModel(PersonalDataExport export, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var json = await export.ExportJsonAsync(users.GetUserId(User)!, cancellationToken);
        if (json is null)
        {
            return Challenge();
        }

        Response.Headers.CacheControl = "no-store";
        return File(json, "application/json", PersonalDataExport.FileName(clock.GetUtcNow()));
    }
}

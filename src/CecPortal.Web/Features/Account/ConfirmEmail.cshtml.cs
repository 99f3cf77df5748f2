namespace CecPortal.Web.Features.Account;

public sealed class ConfirmEmailModel(UserManager<PortalUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = AccountEmails.Decode(code);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null)
        {
            return;
        }

        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}

namespace CecPortal.Web.Features.Admin.Staff;

/// <summary>
/// One person's staff roles: each role is granted or revoked with its own button, so a page left open while another
/// Admin acted can only do what its button says.
/// </summary>
public sealed class PersonModel(AppDbContext db, StaffAdministration staff, UserManager<PortalUser> users, SignInManager<PortalUser> signIn) : PageModel, IReloadAfterRefusal
{
    [BindProperty]
    public string? Role { get; set; }

    public PersonView Person { get; private set; } = null!;

    public IReadOnlyList<string> HeldRoles { get; private set; } = [];

    public sealed record PersonView(string Id, string FullName, string? Email, bool TwoFactorEnabled, bool IsSuspended);

    public async Task<IActionResult> OnGetAsync(string userId, CancellationToken cancellationToken) =>
        await LoadAsync(userId, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostGrantAsync(string userId, CancellationToken cancellationToken) =>
        ChangeAsync(userId, grant: true, cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(string userId, CancellationToken cancellationToken) =>
        ChangeAsync(userId, grant: false, cancellationToken);

    private async Task<IActionResult> ChangeAsync(string userId, bool grant, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(userId, cancellationToken))
        {
            return NotFound();
        }

        var role = StaffAdministration.StaffRoles.FirstOrDefault(r => r == Role);
        if (role is null)
        {
            ModelState.AddModelError(string.Empty, "Choose one of the staff roles.");
            return Page();
        }

        var actor = Actor.Of(User);
        if (grant)
        {
            await staff.GrantAsync(userId, role, actor, cancellationToken);
        }
        else
        {
            await staff.RevokeAsync(userId, role, actor, cancellationToken);
        }

        TempData.SetStatusMessage(grant ? $"{Person.FullName} now has the {role} role." : $"{Person.FullName} no longer has the {role} role.");
        if (userId != actor.Id)
        {
            return RedirectToPage(new { userId });
        }

        // Their own change: this session takes the new roles at once (the new stamp would otherwise end it).
        if (await users.FindByIdAsync(actor.Id) is { } me)
        {
            await signIn.RefreshSignInAsync(me);
        }

        return role == Roles.Admin && !grant ? Redirect("/") : RedirectToPage(new { userId });
    }

    /// <summary>The roles as they stand now: a colleague's change may be why this one was refused.</summary>
    public Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => LoadAsync(Person.Id, cancellationToken);

    private async Task<bool> LoadAsync(string userId, CancellationToken cancellationToken)
    {
        var person = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.ErasedAt == null)
            .Select(u => new PersonView(u.Id, u.FullName, u.Email, u.TwoFactorEnabled, u.SuspendedAt != null))
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return false;
        }

        Person = person;
        HeldRoles = await db.UserRoles.AsNoTracking().Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .ToListAsync(cancellationToken);
        return true;
    }
}

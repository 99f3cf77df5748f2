namespace CecPortal.Web.Features.Admin.Members;

/// <summary>
/// What the pages that act on one account with a reason (erase, suspend or reinstate) share: the account is looked up
/// on every request, a missing one is a 404, and a form with errors is shown again beside the account it was about.
/// </summary>
/// <typeparam name="TMember">What the page shows of the account.</typeparam>
public abstract class MemberActionModel<TMember> : PageModel
    where TMember : class
{
    public TMember Member { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string userId, CancellationToken cancellationToken)
    {
        if (await FindMemberAsync(userId, cancellationToken) is not { } member)
        {
            return NotFound();
        }

        Member = member;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string userId, CancellationToken cancellationToken)
    {
        if (await FindMemberAsync(userId, cancellationToken) is not { } member)
        {
            return NotFound();
        }

        Member = member;
        return ModelState.IsValid ? await ActAsync(userId, member, cancellationToken) : Page();
    }

    /// <summary>The account the page may act on, or null if there is none such.</summary>
    protected abstract Task<TMember?> FindMemberAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Does what the valid form asks and says where to go next.</summary>
    protected abstract Task<IActionResult> ActAsync(string userId, TMember member, CancellationToken cancellationToken);
}

using CecPortal.Web.Features.Membership.Applications;

namespace CecPortal.Web.Features.Membership;

/// <summary>The link in the first email; verifying is idempotent, so a mail scanner opening it first does no harm.</summary>
public sealed class VerifyModel(ApplicationWorkflow workflow) : PageModel
{
    public string? Error { get; private set; }

    public async Task OnGetAsync(Guid id, string? t, CancellationToken cancellationToken)
    {
        try
        {
            await workflow.VerifyAsync(id, t ?? string.Empty, cancellationToken);
        }
        catch (ApplicationRuleException ex)
        {
            Error = ex.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}

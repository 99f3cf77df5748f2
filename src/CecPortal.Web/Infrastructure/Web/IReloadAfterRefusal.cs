namespace CecPortal.Web.Infrastructure.Web;

/// <summary>
/// A page whose view needs data that its handler loads only after the change (or that the refused change may have
/// made stale): <see cref="RuleExceptionPageFilter"/> calls it before it re-shows the page. The bound input is left
/// as typed; only what the page displays around it is loaded again.
/// </summary>
public interface IReloadAfterRefusal
{
    Task ReloadAfterRefusalAsync(CancellationToken cancellationToken);
}

using Microsoft.AspNetCore.Mvc.Filters;

namespace CecPortal.Web.Infrastructure.Web;

/// <summary>
/// Turns a <see cref="RuleException"/> thrown by a page handler into a model-state error and re-shows the page with
/// what was typed: the Identity UI's "bad input re-shows the form" pattern, written once instead of in every handler.
/// A handler that answers a refusal differently (a redirect, a status message, a 404) still catches it itself.
/// </summary>
public sealed class RuleExceptionPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.ExceptionHandled || executed.Exception is not RuleException refusal || executed.HandlerInstance is not PageModel page)
        {
            return;
        }

        // The refused change may have left tracked entities half-changed: none of it may be saved later in the request
        // or read back by the reload.
        executed.HttpContext.RequestServices.GetRequiredService<AppDbContext>().ChangeTracker.Clear();
        page.ModelState.AddModelError(refusal.Field ?? string.Empty, refusal.Message);
        if (page is IReloadAfterRefusal reload)
        {
            await reload.ReloadAfterRefusalAsync(executed.HttpContext.RequestAborted);
        }

        executed.Result = new PageResult();
        executed.ExceptionHandled = true;
    }
}

using Microsoft.AspNetCore.Mvc.Filters;

namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>The rule on every page of the <c>/Admin</c> folder (one convention in Program).</summary>
public sealed class StaffMfaPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (await StaffMfaGate.EnrolmentRedirectAsync(context.HttpContext) is { } redirect)
        {
            context.Result = new RedirectResult(redirect);
            return;
        }

        await next();
    }
}

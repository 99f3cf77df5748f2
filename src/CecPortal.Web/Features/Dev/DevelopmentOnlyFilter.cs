using Microsoft.AspNetCore.Mvc.Filters;

namespace CecPortal.Web.Features.Dev;

/// <summary>Pages under /Dev exist only in Development; elsewhere they answer 404.</summary>
public sealed class DevelopmentOnlyFilter : IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var environment = context.HttpContext.RequestServices.GetRequiredService<IHostEnvironment>();
        if (!environment.IsDevelopment())
        {
            context.Result = new NotFoundResult();
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}


namespace CecPortal.Web.Infrastructure.Web;

/// <summary>
/// A request that fails because PostgreSQL cannot be reached (down, restarting, refusing connections) answers
/// 503 with <c>Retry-After</c>, rendered by the error page ("could not save this just now — nothing was saved"),
/// instead of a 500. Every write goes through one SaveChanges or one explicit transaction, so a failed request
/// leaves nothing half-written.
/// </summary>
public sealed class DatabaseOutageMiddleware(RequestDelegate next, ILogger<DatabaseOutageMiddleware> logger)
{
    public const int RetryAfterSeconds = 30;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (DatabaseOutage.IsTransient(ex) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The database could not be reached; the {Method} request was answered with 503 and nothing was saved.", context.Request.Method);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

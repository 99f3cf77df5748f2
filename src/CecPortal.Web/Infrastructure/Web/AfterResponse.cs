namespace CecPortal.Web.Infrastructure.Web;

/// <summary>
/// Work that a public form does only after its response has been sent, in a scope of its own: the answer, and how
/// long it takes, is then the same whether or not the address typed has an account or an application (no oracle by
/// timing). What the work needs stays in memory only; if it fails, one line is logged and the person asks again.
/// </summary>
public sealed partial class AfterResponse(IServiceScopeFactory scopes, ILogger<AfterResponse> logger)
{
    public void Run<TService>(HttpResponse response, Func<TService, Task> work)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(response);
        response.OnCompleted(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider.GetRequiredService<TService>());
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The page has answered already; nothing the person typed is logged.
                LogFailed(logger, typeof(TService).Name, ex);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Work after the response ({Service}) failed; the person can ask again.")]
    private static partial void LogFailed(ILogger logger, string service, Exception exception);
}

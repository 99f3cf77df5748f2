using Npgsql;

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

public static class DatabaseOutage
{
    /// <summary>Inside the status code pages, so that the empty 503 is rendered by the error page.</summary>
    public static IApplicationBuilder UseDatabaseOutagePage(this IApplicationBuilder app) => app.UseMiddleware<DatabaseOutageMiddleware>();

    /// <summary>Whether <paramref name="exception"/> (or one it wraps) says the database could not be reached or went away.</summary>
    public static bool IsTransient(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres when postgres.IsTransient || IsUnavailable(postgres.SqlState):
                    return true;
                case PostgresException:
                    // A real answer from the server (a constraint, a syntax error) is not an outage.
                    return false;
                case NpgsqlException { IsTransient: true }:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsTransient):
                    return true;
            }
        }

        return false;
    }

    // Class 08: connection exceptions; 57P01-57P03: the server is shutting down, crashed or is still starting.
    private static bool IsUnavailable(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "57P01" or "57P02" or "57P03";
}

using Npgsql;

namespace CecPortal.Web.Infrastructure.Web;

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

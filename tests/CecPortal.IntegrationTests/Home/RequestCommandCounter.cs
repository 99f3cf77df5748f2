using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CecPortal.IntegrationTests.Home;

/// <summary>
/// Counts the database commands (round trips) one request makes, from the first middleware on: authentication, the page,
/// its layout and its partials. A request is counted when it carries <see cref="Header"/>; its commands are told apart
/// from background jobs' by an <see cref="AsyncLocal{T}"/> that only that request's code flows through.
/// </summary>
public sealed class RequestCommandCounter : DbCommandInterceptor, IStartupFilter
{
    public const string Header = "X-Test-Count-Commands";

    private static readonly AsyncLocal<ConcurrentQueue<string>?> Current = new();

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _byRequest = new(StringComparer.Ordinal);

    /// <summary>The command texts of the request tagged <paramref name="key"/>, in order.</summary>
    public IReadOnlyList<string> CommandsOf(string key) => _byRequest.TryGetValue(key, out var commands) ? [.. commands] : [];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var key) && key.ToString() is { Length: > 0 } tag)
            {
                Current.Value = _byRequest.GetOrAdd(tag, _ => new ConcurrentQueue<string>());
            }

            await following(context);
        });
        next(app);
    };

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Count(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Count(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Count(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(command, result));

    private static T Count<T>(DbCommand command, T result)
    {
        Current.Value?.Enqueue(command.CommandText);
        return result;
    }
}

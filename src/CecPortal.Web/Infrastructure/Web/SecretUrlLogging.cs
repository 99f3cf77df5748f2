namespace CecPortal.Web.Infrastructure.Web;

/// <summary>
/// Feed, calendar and unsubscribe addresses carry their secret in the path, and password links in the query
/// string (<see cref="SecretPaths"/> lists them). These rules keep every request path out of every log, whatever
/// levels the configuration asks for; traces record the paths with <see cref="SecretPaths.Redact"/>.
/// </summary>
public static class SecretUrlLogging
{
    /// <summary>The hosting logger writes the request line and opens a RequestPath scope that every log line of the
    /// request carries; it does neither when it is off. Log correlation still has the TraceId scope.</summary>
    private const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>Below Information these name the request path or route values (matching, handler arguments, files).</summary>
    private static readonly string[] PathLoggingCategories =
    [
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Mvc",
        "Microsoft.AspNetCore.StaticAssets",
        "Microsoft.AspNetCore.StaticFiles",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.Server.Kestrel",
    ];

    public static ILoggingBuilder KeepSecretUrlsOutOfLogs(this ILoggingBuilder logging)
    {
        // After every other source of rules (appsettings, environment), so that no configured rule, however narrow
        // its category or whichever provider it names, can lower these categories again.
        logging.Services.PostConfigure<LoggerFilterOptions>(Clamp);
        return logging;
    }

    private static void Clamp(LoggerFilterOptions options)
    {
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            if (MinimumFor(rule.CategoryName) is { } minimum && (rule.LogLevel is null || rule.LogLevel < minimum))
            {
                options.Rules[i] = new LoggerFilterRule(rule.ProviderName, rule.CategoryName, minimum, rule.Filter);
            }
        }

        // A rule naming a provider outranks one that names none, so each provider gets the rules too.
        var providers = options.Rules.Select(r => r.ProviderName).Distinct().ToList();
        if (!providers.Contains(null))
        {
            providers.Add(null);
        }

        var configured = options.Rules.ToList();
        foreach (var provider in providers)
        {
            options.Rules.Add(new LoggerFilterRule(provider, HostingCategory, LogLevel.None, filter: null));
            foreach (var category in PathLoggingCategories)
            {
                // A floor, not a setting: a configured Warning (appsettings.json has it for Microsoft.AspNetCore) stays
                // Warning; otherwise these categories would log six lines per request in production.
                var level = ConfiguredLevel(configured, provider, category, options.MinLevel);
                options.Rules.Add(new LoggerFilterRule(provider, category, level > LogLevel.Information ? level : LogLevel.Information, filter: null));
            }
        }
    }

    /// <summary>The level the configured rules give <paramref name="category"/> for <paramref name="provider"/>: the rule for that provider before one for any, then the longest category prefix, then the later rule (as the logging library chooses).</summary>
    private static LogLevel ConfiguredLevel(List<LoggerFilterRule> rules, string? provider, string category, LogLevel minimum) =>
        Enumerable.Reverse(rules)
            .Where(r => r.Filter is null && r.LogLevel is not null
                && (r.ProviderName is null || r.ProviderName == provider)
                && (r.CategoryName is null || category.StartsWith(r.CategoryName, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(r => r.ProviderName is not null)
            .ThenByDescending(r => r.CategoryName?.Length ?? 0)
            .Select(r => r.LogLevel!.Value)
            .DefaultIfEmpty(minimum)
            .First();

    private static LogLevel? MinimumFor(string? category) =>
        category is null ? null
        : category.StartsWith(HostingCategory, StringComparison.Ordinal) ? LogLevel.None
        : PathLoggingCategories.Any(c => category.StartsWith(c, StringComparison.Ordinal)) ? LogLevel.Information
        : null;
}

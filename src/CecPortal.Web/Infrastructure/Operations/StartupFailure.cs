using System.Text.RegularExpressions;
using CecPortal.Web.Infrastructure.LocalPostgres;

namespace CecPortal.Web.Infrastructure.Operations;

/// <summary>Start-up failures that a person fixes by installing or configuring something: one sentence each, no stack trace.</summary>
public static partial class StartupFailure
{

    /// <summary>The sentences to print for <paramref name="exception"/>, or null when it is a bug (the stack trace helps then).</summary>
    public static IReadOnlyList<string>? Describe(Exception exception) => exception switch
    {
        LocalPostgresException or PortalConfigurationException => [exception.Message],
        OptionsValidationException options => [.. options.Failures],
        InvalidOperationException { Message: var message } when BindingFailure().Match(message) is { Success: true } failure =>
            [$"{failure.Groups["key"].Value.Replace(":", "__", StringComparison.Ordinal)} must be a {TypeName(failure.Groups["type"].Value)} (was '{failure.Groups["value"].Value}')"],
        AggregateException aggregate => DescribeAll(aggregate.InnerExceptions),
        _ => null,
    };

    private static string TypeName(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "whole number",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "duration such as 00:05:00",
        _ => type[(type.LastIndexOf('.') + 1)..],
    };

    /// <summary>The configuration binder's message for a value of the wrong type.</summary>
    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BindingFailure();

    private static List<string>? DescribeAll(IEnumerable<Exception> exceptions)
    {
        var lines = new List<string>();
        foreach (var inner in exceptions)
        {
            if (Describe(inner) is not { } described)
            {
                return null;
            }

            lines.AddRange(described);
        }

        // A setting read by two options (Portal:BaseUrl: the links and the passkey domain) is reported once.
        return [.. lines.Distinct(StringComparer.Ordinal)];
    }
}

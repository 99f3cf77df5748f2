using System.Reflection;

namespace CecPortal.Web.Infrastructure.Operations;

/// <summary>DataAnnotations and <see cref="IValidatableObject"/> rules of one options class, in the words of its settings.</summary>
public sealed class SettingsValidator<T>(string? optionsName, string section) : IValidateOptions<T>
    where T : class
{
    private static readonly string[] SecretWords = ["Password", "Key", "Pem", "Secret", "Token"];

    public ValidateOptionsResult Validate(string? name, T options)
    {
        if (optionsName is not null && name != optionsName)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Each broken rule of <paramref name="options"/> as one sentence.</summary>
    public IEnumerable<string> Failures(T options)
    {
        var prefix = section.Replace(":", "__", StringComparison.Ordinal);
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            var value = property.GetValue(options);
            var context = new ValidationContext(options) { MemberName = property.Name, DisplayName = property.Name };
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
            {
                if (attribute.GetValidationResult(value, context) is { } result && result != ValidationResult.Success)
                {
                    var shown = SecretWords.Any(w => property.Name.Contains(w, StringComparison.OrdinalIgnoreCase)) ? "" : $" (was {Show(value)})";
                    var key = $"{prefix}__{property.Name}";
                    var described = Describe(attribute, result);
                    yield return described.StartsWith(key, StringComparison.Ordinal) ? $"{described.TrimEnd('.')}{shown}" : $"{key} {described}{shown}";
                }
            }
        }

        if (options is IValidatableObject validatable)
        {
            foreach (var result in validatable.Validate(new ValidationContext(options)))
            {
                yield return SettingsValidation.AsEnvironmentNames(result.ErrorMessage ?? $"{prefix} is not valid.");
            }
        }
    }

    private static string Describe(ValidationAttribute attribute, ValidationResult result) => attribute switch
    {
        RangeAttribute range => string.Create(CultureInfo.InvariantCulture, $"must be between {range.Minimum} and {range.Maximum}"),
        RequiredAttribute => "is required",
        EmailAddressAttribute => "must be an email address",
        _ when !string.IsNullOrEmpty(attribute.ErrorMessage) => SettingsValidation.AsEnvironmentNames(result.ErrorMessage ?? "is not valid"),
        _ => $"is not valid: {result.ErrorMessage}",
    };

    private static string Show(object? value) => value switch
    {
        null => "empty",
        string { Length: 0 } => "empty",
        string text => $"'{text}'",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "empty",
    };
}

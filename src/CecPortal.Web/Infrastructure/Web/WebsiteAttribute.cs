namespace CecPortal.Web.Infrastructure.Web;

/// <summary>An http(s) address with a host name, such as https://www.example.eu.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WebsiteAttribute : ValidationAttribute
{
    public string? RequiredHost { get; init; }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || string.IsNullOrWhiteSpace(text))
        {
            return ValidationResult.Success;
        }

        var candidate = text.Trim();
        if (!candidate.Contains("://", StringComparison.Ordinal))
        {
            candidate = "https://" + candidate;
        }

        var valid = Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && uri.Host.Contains('.', StringComparison.Ordinal)
            && string.IsNullOrEmpty(uri.UserInfo)
            && (RequiredHost is null || uri.Host.Equals(RequiredHost, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + RequiredHost, StringComparison.OrdinalIgnoreCase));
        return valid
            ? ValidationResult.Success
            : new ValidationResult(ErrorMessage ?? $"Enter a web address such as https://www.example.eu for {validationContext.DisplayName}.", [validationContext.MemberName!]);
    }
}

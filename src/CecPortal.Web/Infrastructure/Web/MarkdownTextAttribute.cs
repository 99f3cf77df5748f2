using System.Text;

namespace CecPortal.Web.Infrastructure.Web;

/// <summary>
/// Markdown may hold any printable text (emoji joiners, soft hyphens pasted from advisories), but not control
/// characters other than line breaks and tabs, nor broken surrogates, which PostgreSQL cannot store or which hide text,
/// nor the bidirectional embeddings, overrides and isolates that show a reader text in another order than it is.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MarkdownTextAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text)
        {
            return ValidationResult.Success;
        }

        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done
                || (Rune.IsControl(rune) && rune.Value is not ('\r' or '\n' or '\t'))
                || IsBidiControl(rune))
            {
                return new ValidationResult(
                    $"{validationContext.DisplayName} contains control, direction-changing or broken characters (at position {i + 1}). Please retype that part.",
                    [validationContext.MemberName!]);
            }

            i += consumed;
        }

        return ValidationResult.Success;
    }

    private static bool IsBidiControl(Rune rune) => rune.Value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);
}

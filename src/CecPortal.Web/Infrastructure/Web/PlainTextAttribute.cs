using System.Buffers;
using System.Text;

namespace CecPortal.Web.Infrastructure.Web;

/// <summary>
/// Text that reaches the directory, lists or emails: no control, invisible (format, including the bidirectional
/// overrides that reverse what a reader sees), private-use or broken characters. Line breaks and tabs only where
/// <see cref="AllowLineBreaks"/> says so.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlainTextAttribute : ValidationAttribute
{
    public bool AllowLineBreaks { get; init; }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text)
        {
            return ValidationResult.Success;
        }

        // Walk by Unicode scalar (not UTF-16 unit) so emoji and rare CJK letters pass while lone surrogates do not.
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) != OperationStatus.Done || !IsAllowed(rune))
            {
                return new ValidationResult($"{validationContext.DisplayName} contains characters that cannot be used (control, invisible or broken characters). Please retype it.", [validationContext.MemberName!]);
            }

            i += consumed;
        }

        return ValidationResult.Success;
    }

    private bool IsAllowed(Rune rune)
    {
        if (rune.Value is '\r' or '\n' or '\t')
        {
            return AllowLineBreaks;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate => false,
            UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => AllowLineBreaks,
            _ => true,
        };
    }
}

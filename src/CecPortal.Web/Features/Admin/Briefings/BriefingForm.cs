using System.Collections;
using System.Text.RegularExpressions;
using CecPortal.Web.Features.Briefings;

namespace CecPortal.Web.Features.Admin.Briefings;

/// <summary>What an editor types on the briefing form. Empty vulnerability rows are ignored.</summary>
public sealed class BriefingForm
{
    /// <summary>Empty rows the form offers beyond the filled ones, so entries can be added without JavaScript.</summary>
    public const int EmptyRows = 3;

    [Required(ErrorMessage = "Choose the edition date.")]
    [Display(Name = "Edition date")]
    public DateOnly? EditionDate { get; set; }

    [Required(ErrorMessage = "Give the briefing a title.")]
    [StringLength(BriefingLimits.Title, ErrorMessage = "A title has at most {1} characters.")]
    [PlainText]
    [Display(Name = "Title")]
    public string Title { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose a TLP label.")]
    [Display(Name = "TLP label")]
    public TlpLabel? Tlp { get; set; } = TlpRules.Default;

    [Required(ErrorMessage = "Write the briefing's text.")]
    [StringLength(BriefingLimits.Body, ErrorMessage = "The text has at most {1} characters.")]
    [MarkdownText]
    [Display(Name = "Text (Markdown)")]
    public string Body { get; set; } = string.Empty;

    [FilledRows(BriefingLimits.VulnerabilityEntries)]
    [Display(Name = "Vulnerabilities")]
    public List<VulnerabilityRow> Vulnerabilities { get; set; } = [];

    /// <summary>The briefing's version (PostgreSQL xmin) when the form was opened; empty for a new briefing.</summary>
    public uint? Version { get; set; }

    public static BriefingForm From(Briefing briefing) => new()
    {
        EditionDate = briefing.EditionDate,
        Title = briefing.Title,
        Tlp = briefing.Tlp,
        Body = briefing.BodyMarkdown,
        Vulnerabilities = [.. briefing.Vulnerabilities.Select(VulnerabilityRow.From)],
        Version = briefing.Version,
    };

    /// <summary>The rows an editor filled in, normalised (CVE ids in upper case, text trimmed).</summary>
    public IReadOnlyList<VulnerabilityEntry> Entries() =>
        [.. Vulnerabilities.Where(row => !row.IsEmpty).Select(row => row.ToEntry())];

    /// <summary>The validated form as the editor's draft; call only when validation passed.</summary>
    public BriefingDraft ToDraft() => new(
        EditionDate ?? throw new InvalidOperationException("The form has not been validated."),
        Title.Trim(),
        Body,
        Tlp ?? TlpRules.Default,
        Entries());

    /// <summary>
    /// Keeps the posted rows where they are (their messages are keyed by position) and appends empty rows until
    /// there are <paramref name="emptyRows"/> empty ones, never beyond the entry limit.
    /// </summary>
    public void AddEmptyRows(int emptyRows = EmptyRows)
    {
        var wanted = Vulnerabilities.Count(row => row.IsEmpty) < emptyRows
            ? emptyRows - Vulnerabilities.Count(row => row.IsEmpty)
            : 0;
        AppendRows(wanted);
    }

    /// <summary>The "Add rows" button without JavaScript: three more empty rows, up to the limit.</summary>
    public void AppendRows(int count)
    {
        for (var i = 0; i < count && Vulnerabilities.Count < BriefingLimits.VulnerabilityEntries; i++)
        {
            Vulnerabilities.Add(new VulnerabilityRow());
        }
    }
}

/// <summary>One row of the vulnerability table; a row with any value needs a CVE id, a product and a summary.</summary>
public sealed partial class VulnerabilityRow : IValidatableObject
{
    public string? CveId { get; set; }

    public string? Product { get; set; }

    public VulnerabilitySeverity Severity { get; set; }

    public string? Summary { get; set; }

    public string? Link { get; set; }

    /// <summary>Nothing typed (the severity select always posts a value, so it does not count).</summary>
    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(CveId) && string.IsNullOrWhiteSpace(Product) && string.IsNullOrWhiteSpace(Summary) && string.IsNullOrWhiteSpace(Link);

    public static VulnerabilityRow From(VulnerabilityEntry entry) => new()
    {
        CveId = entry.CveId,
        Product = entry.Product,
        Severity = entry.Severity,
        Summary = entry.Summary,
        Link = entry.Link,
    };

    public static string NormaliseCveId(string? cveId) => (cveId ?? string.Empty).Trim().ToUpperInvariant();

    /// <summary>An absolute http or https address with a host.</summary>
    public static bool IsWebLink(string? link) =>
        Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && !string.IsNullOrEmpty(uri.Host)
        && string.IsNullOrEmpty(uri.UserInfo);

    public VulnerabilityEntry ToEntry() => new()
    {
        CveId = NormaliseCveId(CveId),
        Product = Product?.Trim() ?? string.Empty,
        Severity = Severity,
        Summary = Summary?.Trim() ?? string.Empty,
        Link = string.IsNullOrWhiteSpace(Link) ? null : Link.Trim(),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsEmpty)
        {
            yield break;
        }

        var cveId = NormaliseCveId(CveId);
        if (cveId.Length == 0)
        {
            yield return new ValidationResult("Enter the CVE id, such as CVE-2026-12345.", [nameof(CveId)]);
        }
        else if (cveId.Length > BriefingLimits.CveId || !CveIdPattern().IsMatch(cveId))
        {
            yield return new ValidationResult("A CVE id looks like CVE-2026-12345.", [nameof(CveId)]);
        }

        foreach (var result in Text(Product, nameof(Product), "product", BriefingLimits.Product))
        {
            yield return result;
        }

        foreach (var result in Text(Summary, nameof(Summary), "one-line summary", BriefingLimits.Summary))
        {
            yield return result;
        }

        if (!Enum.IsDefined(Severity))
        {
            yield return new ValidationResult("Choose a severity from the list.", [nameof(Severity)]);
        }

        if (!string.IsNullOrWhiteSpace(Link))
        {
            if (Link.Trim().Length > BriefingLimits.Link)
            {
                yield return new ValidationResult($"A link has at most {BriefingLimits.Link} characters.", [nameof(Link)]);
            }
            else if (!IsWebLink(Link))
            {
                yield return new ValidationResult("Enter a full web address starting with https:// (or http://), or leave the link empty.", [nameof(Link)]);
            }
        }
    }

    private static IEnumerable<ValidationResult> Text(string? value, string member, string name, int limit)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield return new ValidationResult($"Enter the {name}.", [member]);
            yield break;
        }

        if (value.Trim().Length > limit)
        {
            yield return new ValidationResult($"The {name} has at most {limit} characters.", [member]);
            yield break;
        }

        var context = new ValidationContext(value) { MemberName = member, DisplayName = char.ToUpperInvariant(name[0]) + name[1..] };
        if (new PlainTextAttribute().GetValidationResult(value, context) is { } invalid)
        {
            yield return invalid;
        }
    }

    // [0-9] rather than \d: .NET's \d also matches other scripts' digits.
    [GeneratedRegex("^CVE-[0-9]{4}-[0-9]{4,}$", RegexOptions.CultureInvariant)]
    private static partial Regex CveIdPattern();
}

/// <summary>At most this many rows with a value (empty rows are ignored).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FilledRowsAttribute(int maximum) : ValidationAttribute
{
    public int Maximum { get; } = maximum;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var filled = value is IEnumerable rows ? rows.OfType<VulnerabilityRow>().Count(row => !row.IsEmpty) : 0;
        return filled <= Maximum
            ? ValidationResult.Success
            : new ValidationResult($"A briefing lists at most {Maximum} vulnerabilities; this one has {filled}.", [validationContext.MemberName!]);
    }
}

namespace CecPortal.Web.SharedKernel;

public static class TlpRules
{
    public const TlpLabel Default = TlpLabel.Amber;

    /// <summary>The label as TLP 2.0 writes it, e.g. <c>TLP:AMBER+STRICT</c>.</summary>
    public static string Display(this TlpLabel label) => label switch
    {
        TlpLabel.Clear => "TLP:CLEAR",
        TlpLabel.Green => "TLP:GREEN",
        TlpLabel.Amber => "TLP:AMBER",
        TlpLabel.AmberStrict => "TLP:AMBER+STRICT",
        TlpLabel.Red => "TLP:RED",
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, null),
    };

    /// <summary>TLP:RED is for the named recipients in the room only: such briefings are never emailed.</summary>
    public static bool MayBeEmailed(this TlpLabel label) => label != TlpLabel.Red;

    /// <summary>What the label allows, in FIRST's words, shortened for the banner.</summary>
    public static string Meaning(this TlpLabel label) => label switch
    {
        TlpLabel.Clear => "Disclosure is not limited.",
        TlpLabel.Green => "Limited disclosure: share within the community, not publicly.",
        TlpLabel.Amber => "Limited disclosure: recipients may share on a need-to-know basis within their organisation and its clients.",
        TlpLabel.AmberStrict => "Limited disclosure: recipients may share on a need-to-know basis within their organisation only.",
        TlpLabel.Red => "For the eyes and ears of individual recipients only, no further disclosure. Never emailed.",
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, null),
    };

    /// <summary>The CSS modifier of the banner: <c>clear</c>, <c>green</c>, <c>amber</c>, <c>amber-strict</c>, <c>red</c>.</summary>
    public static string CssName(this TlpLabel label) => label == TlpLabel.AmberStrict ? "amber-strict" : label.ToString().ToLowerInvariant();

    /// <summary>Parses the TLP 2.0 spelling (<c>TLP:AMBER+STRICT</c>, <c>amber+strict</c>) or the enum name.</summary>
    public static bool TryParse(string? text, out TlpLabel label)
    {
        var value = (text ?? string.Empty).Trim().ToUpperInvariant();
        if (value.StartsWith("TLP:", StringComparison.Ordinal))
        {
            value = value[4..];
        }

        foreach (var candidate in Enum.GetValues<TlpLabel>())
        {
            if (value == candidate.Display()[4..] || string.Equals(value, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                label = candidate;
                return true;
            }
        }

        label = Default;
        return false;
    }
}

namespace CecPortal.Web.Features.Briefings;

/// <summary>Traffic Light Protocol 2.0 labels (FIRST). The community's default is AMBER.</summary>
public enum TlpLabel
{
    Clear = 0,
    Green = 1,
    Amber = 2,
    AmberStrict = 3,
    Red = 4,
}

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
}

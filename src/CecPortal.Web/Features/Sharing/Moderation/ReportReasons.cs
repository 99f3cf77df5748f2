namespace CecPortal.Web.Features.Sharing.Moderation;

/// <summary>The reasons as the report form and the queue word them.</summary>
public static class ReportReasons
{
    public static IReadOnlyList<ReportReason> All { get; } = Enum.GetValues<ReportReason>();

    public static string Describe(this ReportReason reason) => reason switch
    {
        ReportReason.TlpBreach => "Shares beyond its TLP label, or the label is too loose",
        ReportReason.ConfidentialData => "Exposes personal data or confidential details",
        ReportReason.Abusive => "Abusive, harassing or disrespectful",
        ReportReason.Spam => "Spam or advertising",
        ReportReason.Misleading => "False or misleading",
        ReportReason.Other => "Something else (say what in the note)",
        _ => reason.ToString(),
    };
}

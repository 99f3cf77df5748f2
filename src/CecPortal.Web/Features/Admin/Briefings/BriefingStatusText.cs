using CecPortal.Web.Features.Briefings;

namespace CecPortal.Web.Features.Admin.Briefings;

/// <summary>How the authoring pages name and explain a briefing's status.</summary>
public static class BriefingStatusText
{
    public static string BadgeClass(this BriefingStatus status) => status switch
    {
        BriefingStatus.Draft => "text-bg-secondary",
        BriefingStatus.Scheduled => "text-bg-primary",
        BriefingStatus.Published => "text-bg-success",
        BriefingStatus.Sent => "text-bg-dark",
        _ => "text-bg-light",
    };

    public static string Explain(this BriefingStatus status, TlpLabel tlp, DateOnly editionDate)
    {
        var date = BriefingEditor.FormatDate(editionDate);
        var emailed = tlp.MayBeEmailed();
        return status switch
        {
            BriefingStatus.Draft => "Only editors can see a draft. Schedule it when it is ready.",
            BriefingStatus.Scheduled => emailed
                ? $"The morning job publishes it and emails it to members on {date}. Move it back to draft to stop that."
                : $"The morning job publishes it on {date}; it is web only and never emailed.",
            BriefingStatus.Published => emailed
                ? "Members can read it now. Emailing stays with the morning job on its date."
                : "Members can read it now; it is web only and never emailed.",
            BriefingStatus.Sent => "Members can read it and the email has gone out. Corrections show on the web; the email is not sent again.",
            _ => string.Empty,
        };
    }
}

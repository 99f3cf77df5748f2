using CecPortal.Web.Features.Admin.Webinars;
using Microsoft.AspNetCore.Html;

namespace CecPortal.Web.Features.Admin.Dashboard;

/// <summary>The dashboard's figures with their charts drawn; each chart is shown beside a table of the same numbers.</summary>
public sealed class DashboardView
{
    private DashboardView(StaffDashboard.Figures figures)
    {
        Figures = figures;
    }

    public StaffDashboard.Figures Figures { get; }

    public IHtmlContent? MembersByCountryChart { get; private init; }

    public IHtmlContent? MembersBySectorChart { get; private init; }

    public IHtmlContent PipelineChart { get; private init; } = HtmlString.Empty;

    public IHtmlContent? BriefingsChart { get; private init; }

    public IHtmlContent? WebinarsChart { get; private init; }

    /// <summary>Draws the charts; a chart without anything to show is left out (its section says so in words).</summary>
    public static DashboardView Create(StaffDashboard.Figures figures)
    {
        var emailed = figures.Briefings.Where(b => b.Emailed).ToList();
        var anyDelivery = emailed.Any(b => b.Sent + b.Failed + b.Pending > 0);
        return new DashboardView(figures)
        {
            MembersByCountryChart = figures.MembersByCountry.Count == 0 ? null : Chart(
                "chart-members-country",
                "Active members by country, most first",
                figures.MembersByCountry.Select(c => c.Label),
                new ChartSeries("Members", DashboardCharts.Primary, [.. figures.MembersByCountry.Select(c => (double)c.Value)])),
            MembersBySectorChart = figures.ActiveMembers == 0 ? null : Chart(
                "chart-members-sector",
                "Active members by NIS2 sector",
                figures.MembersBySector.Select(c => c.Label),
                new ChartSeries("Members", DashboardCharts.Primary, [.. figures.MembersBySector.Select(c => (double)c.Value)])),
            PipelineChart = Chart(
                "chart-pipeline",
                "Membership applications by stage",
                figures.Pipeline.Stages.Select(s => s.Label),
                new ChartSeries("Applications", DashboardCharts.Primary, [.. figures.Pipeline.Stages.Select(s => (double)s.Count)])),
            BriefingsChart = !anyDelivery ? null : Chart(
                "chart-briefings",
                "Emails sent and failed for the last briefings",
                emailed.Select(b => b.EditionDate.ToString("ddd d MMM", CultureInfo.InvariantCulture)),
                new ChartSeries("Sent", DashboardCharts.Success, [.. emailed.Select(b => (double)b.Sent)]),
                new ChartSeries("Failed", DashboardCharts.Danger, [.. emailed.Select(b => (double)b.Failed)]),
                new ChartSeries("Pending", DashboardCharts.Muted, [.. emailed.Select(b => (double)b.Pending)])),
            WebinarsChart = figures.Webinars.Count == 0 ? null : Chart(
                "chart-webinars",
                "Places confirmed, free and waiting for the next webinars",
                figures.Webinars.Select(w => WebinarAdminText.LocalDate(w.StartsAt, w.TimeZoneId).ToString("d MMM yyyy", CultureInfo.InvariantCulture)),
                new ChartSeries("Confirmed", DashboardCharts.Primary, [.. figures.Webinars.Select(w => (double)w.Confirmed)]),
                new ChartSeries("Free", DashboardCharts.Muted, [.. figures.Webinars.Select(w => (double)Math.Max(0, w.Capacity - w.Confirmed))]),
                new ChartSeries("Waiting", DashboardCharts.Warning, [.. figures.Webinars.Select(w => (double)w.Waiting)])),
        };
    }

    /// <summary>Days with one decimal, e.g. "3.5 days"; less than a tenth shows as "under 0.1 days".</summary>
    public static string Days(double days) => days < 0.05
        ? "under 0.1 days"
        : string.Create(CultureInfo.InvariantCulture, $"{days:0.0} days");

    private static HtmlString Chart(string id, string title, IEnumerable<string> labels, params ChartSeries[] series) =>
        new(DashboardCharts.HorizontalBars(id, title, [.. labels], series));
}

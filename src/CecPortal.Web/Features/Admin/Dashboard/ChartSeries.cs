namespace CecPortal.Web.Features.Admin.Dashboard;

/// <summary>One stack of a bar chart: its name (legend), colour and one value per bar.</summary>
public sealed record ChartSeries(string Name, string HexColor, IReadOnlyList<double> Values);

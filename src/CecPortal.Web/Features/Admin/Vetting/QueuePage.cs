namespace CecPortal.Web.Features.Admin.Vetting;

public sealed record QueuePage(int Total, IReadOnlyList<QueueRow> Rows);

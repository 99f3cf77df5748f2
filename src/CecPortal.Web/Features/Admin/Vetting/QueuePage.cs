namespace CecPortal.Web.Features.Admin.Vetting;

/// <summary>One page of the queue, its total, and the profile changes waiting in the same scope (the page's banner).</summary>
public sealed record QueuePage(int Total, IReadOnlyList<QueueRow> Rows, int ProfileChangesWaiting);

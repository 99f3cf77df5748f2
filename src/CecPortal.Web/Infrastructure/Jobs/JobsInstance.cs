
namespace CecPortal.Web.Infrastructure.Jobs;

/// <summary>This process's Hangfire server name and start time (wall clock), fixed at start-up.</summary>
public sealed record JobsInstance(string ServerName, DateTimeOffset StartedAt);

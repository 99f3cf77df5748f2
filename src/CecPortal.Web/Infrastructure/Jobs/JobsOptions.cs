using System.ComponentModel.DataAnnotations;

namespace CecPortal.Web.Infrastructure.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Whether this process runs a Hangfire server (web nodes behind a queue-only deployment can turn it off).</summary>
    public bool ServerEnabled { get; set; } = true;

    [Range(1, 64)]
    public int WorkerCount { get; set; } = Math.Min(Environment.ProcessorCount * 2, 8);

    /// <summary>How often idle workers look for new jobs in PostgreSQL.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

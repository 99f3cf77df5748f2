using Hangfire;

namespace CecPortal.Web.Infrastructure.Jobs;

/// <summary>
/// One module's recurring jobs. Each module declares its own next to its services
/// (<see cref="HangfireSetup.AddRecurringJobs"/>); they are added or updated once the portal has started.
/// </summary>
public sealed record RecurringJobsRegistration(Action<IRecurringJobManager, IServiceProvider> Register);

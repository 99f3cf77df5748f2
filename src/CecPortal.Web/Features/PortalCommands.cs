using CecPortal.Web.Features.Admin.Accounts;
using CecPortal.Web.Features.Demo;

namespace CecPortal.Web.Features;

/// <summary>
/// One-shot commands run instead of the web server:
/// <c>create-admin --email &lt;e&gt;</c> and <c>seed-demo</c>.
/// </summary>
public static class PortalCommands
{
    public static readonly IReadOnlyList<string> Names = ["create-admin", "seed-demo"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        switch (args[0])
        {
            case "create-admin":
                var email = ValueAfter(args, "--email");
                if (email is null || !new EmailAddressAttribute().IsValid(email))
                {
                    await Console.Error.WriteLineAsync("Usage: create-admin --email <address>   (a valid email address is required)");
                    return 2;
                }

                var link = await services.GetRequiredService<AdminAccounts>().CreateAdminAsync(email);
                Console.WriteLine($"Administrator {email} is ready. Open this one-time link to set the password:");
                Console.WriteLine(link);
                return 0;

            case "seed-demo":
                var seeded = await services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
                Console.WriteLine(seeded ? "Demo data seeded." : "The database already has users; demo data was not added.");
                return 0;

            default:
                return 2;
        }
    }

    private static string? ValueAfter(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

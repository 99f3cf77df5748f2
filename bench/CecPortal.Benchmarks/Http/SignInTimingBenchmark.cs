using System.Diagnostics;
using System.Globalization;
using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace CecPortal.Benchmarks.Http;

/// <summary>
/// Sign-in is no account oracle by timing: the portal in its own process (Production, Release) answers a wrong password
/// for an unknown email and for a suspended, unconfirmed or locked-out account; the median time of each is printed
/// beside a wrong password for an ordinary account (the reference) as a ratio. The cases take turns, one sign-in at a
/// time, so that load on the machine falls on all of them alike; only the POST is timed (the form is fetched first).
/// Then the same for forgot-password: a member's address beside one with no account.
/// </summary>
internal static class SignInTimingBenchmark
{
    private const string WrongPassword = "Not-the-right-passphrase-42";

    private static readonly string[] DemoMembers = ["j.schneider@", "l.rossi@", "p.garcia@", "e.dejong@"];

    public static async Task RunAsync(string[] args)
    {
        var samples = 40;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--samples" && i + 1 < args.Length)
            {
                samples = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
        }

        await using var stack = await PortalStack.StartAsync(0, new Dictionary<string, string>
        {
            ["RateLimits__SignInPerMinute"] = "1000000",
            ["RateLimits__PasswordResetPerHour"] = "1000000",
        });
        var accounts = await PrepareAccountsAsync(stack);
        var cases = new (string Name, string Email)[]
        {
            ("wrong password (reference)", accounts.Known),
            ("unknown email", "nobody-" + Guid.NewGuid().ToString("N") + "@" + DemoSeeder.Domain),
            ("suspended", accounts.Suspended),
            ("unconfirmed", accounts.Unconfirmed),
            ("locked out", accounts.Locked),
        };
        var times = cases.ToDictionary(c => c.Name, _ => new List<double>());

        // Warm-up: the first sign-ins pay for JIT, the pool and the unknown-account hash.
        foreach (var (_, email) in cases)
        {
            await TimeSignInAsync(stack, email);
        }

        for (var round = 0; round < samples; round++)
        {
            foreach (var (name, email) in cases)
            {
                times[name].Add(await TimeSignInAsync(stack, email));
            }

            // Wrong passwords count towards lockout; put the counts back so each case stays what it says.
            await ResetFailuresAsync(stack, accounts);
        }

        Print($"Sign-in with a wrong password, {samples} samples per case", [.. cases.Select(c => c.Name)], times);

        // Forgot-password: a member's address (a reset email is queued) beside an address with no account.
        var forgot = new (string Name, string Email)[] { ("member's address (reference)", accounts.Known), ("no account", "nobody-" + Guid.NewGuid().ToString("N") + "@" + DemoSeeder.Domain) };
        var forgotTimes = forgot.ToDictionary(c => c.Name, _ => new List<double>());
        for (var round = 0; round < samples; round++)
        {
            foreach (var (name, email) in forgot)
            {
                forgotTimes[name].Add(await TimePostAsync(stack, "/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email }, HttpStatusCode.Redirect));
            }
        }

        Print($"Forgot-password, {samples} samples per case", [.. forgot.Select(c => c.Name)], forgotTimes);
    }

    private static void Print(string title, string[] names, Dictionary<string, List<double>> times)
    {
        var reference = Median(times[names[0]]);
        Console.WriteLine();
        Console.WriteLine($"{title} (median and p90, ms; ratio of the medians to the reference):");
        Console.WriteLine($"{"case",-30} {"median",8} {"p90",8} {"x reference",12}");
        foreach (var name in names)
        {
            var median = Median(times[name]);
            Console.WriteLine($"{name,-30} {median,8:F1} {Percentile(times[name], 0.9),8:F1} {median / reference,12:F2}");
        }
    }

    private static Task<double> TimeSignInAsync(PortalStack stack, string email) =>
        TimePostAsync(stack, "/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = WrongPassword }, HttpStatusCode.OK);

    private static async Task<double> TimePostAsync(PortalStack stack, string path, Dictionary<string, string> fields, HttpStatusCode expected)
    {
        using var client = CookieJar.NewClient(stack.Portal.BaseAddress, new SessionCookies());
        var form = await client.GetDocumentAsync(path);
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"The form on {path} has no antiforgery token.");
        fields["__RequestVerificationToken"] = token;
        using var content = new FormUrlEncodedContent(fields);
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        _ = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}, not {(int)expected}.");
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private sealed record Accounts(string Known, string Suspended, string Unconfirmed, string Locked);

    /// <summary>Four demo members (same password, same hash cost): one as is, one suspended, one unconfirmed, one locked out.</summary>
    private static async Task<Accounts> PrepareAccountsAsync(PortalStack stack)
    {
        await using var db = stack.NewDbContext();
        var emails = DemoMembers.Select(e => e + DemoSeeder.Domain).ToArray();
        var now = DateTimeOffset.UtcNow;
        await db.Users.Where(u => u.Email == emails[1]).ExecuteUpdateAsync(u => u.SetProperty(x => x.SuspendedAt, now).SetProperty(x => x.SuspensionReason, "Sign-in timing benchmark."));
        await db.Users.Where(u => u.Email == emails[2]).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, false));
        await db.Users.Where(u => u.Email == emails[3]).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, now.AddDays(1)));
        return new Accounts(emails[0], emails[1], emails[2], emails[3]);
    }

    private static async Task ResetFailuresAsync(PortalStack stack, Accounts accounts)
    {
        await using var db = stack.NewDbContext();
        string[] counting = [accounts.Known, accounts.Suspended, accounts.Unconfirmed];
        await db.Users.Where(u => counting.Contains(u.Email)).ExecuteUpdateAsync(u => u.SetProperty(x => x.AccessFailedCount, 0).SetProperty(x => x.LockoutEnd, (DateTimeOffset?)null));
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(fraction * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}

using System.Globalization;
using CecPortal.Benchmarks;
using CecPortal.Benchmarks.Http;
using CecPortal.Benchmarks.Live;

// One program, one command per benchmark (see docs/benchmarks.md):
//   vetting [rows]                                 the vetting queue at scale (the default)
//   fanout [members...] [--connections K]          the briefing email fan-out against a loopback SMTP sink
//   webinars [members] [capacity] [concurrency]    the registration rush on one webinar session
//   http [--quick] [--connections N] [--seconds S] the portal's pages under HTTP load, beside a minimal page (the floor)
//   resilience [--quick]                           PostgreSQL restarted under load: readiness, errors, lost writes
//   signin [--samples N]                           sign-in time of a wrong password per account state, beside an ordinary account
//   live [--quick] [--instances 1|2|both]          the sharing space's live stream: 1,000 connections, 20 posters, latency and losses
var command = args.Length == 0 || int.TryParse(args[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _) ? "vetting" : args[0];
var rest = command == "vetting" && (args.Length == 0 || args[0] != "vetting") ? args : args[1..];
switch (command)
{
    case "vetting":
        await VettingBenchmark.RunAsync(rest);
        return 0;
    case "fanout":
        await FanOutBenchmark.RunAsync(rest);
        return 0;
    case "webinars":
        await WebinarRushBenchmark.RunAsync(rest);
        return 0;
    case "http":
        await HttpBenchmark.RunAsync(rest);
        return 0;
    case "resilience":
        await ResilienceBenchmark.RunAsync(rest);
        return 0;
    case "signin":
        await SignInTimingBenchmark.RunAsync(rest);
        return 0;
    case "live":
        await LiveBenchmark.RunAsync(rest);
        return 0;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{command}'. Use: vetting [rows] | fanout [members...] [--connections K] | webinars [members] [capacity] [concurrency] | http [--quick] | resilience [--quick] | signin [--samples N] | live [--quick] [--instances 1|2|both]");
        return 2;
}

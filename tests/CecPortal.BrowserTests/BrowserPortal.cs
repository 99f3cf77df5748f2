using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using CecPortal.BrowserTests;
using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using CecPortal.Web.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;

[assembly: AssemblyFixture(typeof(BrowserPortal))]

namespace CecPortal.BrowserTests;

/// <summary>
/// One portal for the whole test run, served by Kestrel on a free loopback port (a fresh database cloned from the
/// seeded template, mail to a loopback SMTP sink), and one headless Debian Chromium driven by Playwright.
/// Every test gets its own browser context, so tests stay isolated from each other's cookies.
/// </summary>
public class BrowserPortal : IAsyncLifetime
{
    /// <summary>Browsers cannot be downloaded here: the tests always use the distribution's Chromium.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    // --no-sandbox: the tests run as root. The rest keep Chromium from calling home on a closed network.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _storageStates = new(StringComparer.OrdinalIgnoreCase);
    private PortalFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Every email the portal sends, for tests that follow a link from a message.</summary>
    public SmtpSink Smtp { get; } = new();

    /// <summary>The running portal's services, for arranging what the UI cannot (yet) set up.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The portal has not been started.");

    /// <summary>Where Kestrel listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>
    /// The same portal by name, e.g. <c>http://localhost:41234/</c>: the portal's configured public address, and the
    /// one passkeys need (WebAuthn binds them to a domain, never to an IP address).
    /// </summary>
    public Uri LocalhostAddress { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been launched.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. The browser tests drive the system Chromium and never download browsers: " +
                "install it with `apt-get install chromium` (do not run `playwright install`).");
        }

        var connectionString = await TestPostgres.CreateDatabaseAsync("browser");
        var port = FreeLoopbackPort();
        LocalhostAddress = new Uri($"http://localhost:{port}/");
        var settings = new Dictionary<string, string?>(Settings) { ["Portal:BaseUrl"] = LocalhostAddress.ToString().TrimEnd('/') };
        _factory = new PortalFactory(connectionString, Smtp.Port, settings);
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        _factory.StartServer();
        BaseAddress = ListeningAddress(_factory.Services);
        await ArrangeAsync(_factory.Services);

        // The machines that run these tests are small and shared: give auto-waiting assertions some slack.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>Settings of this portal beyond the tests' own (<see cref="PortalFactory"/>).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>Data the portal needs before the first test, once it has started.</summary>
    protected virtual Task ArrangeAsync(IServiceProvider services) => Task.CompletedTask;

    /// <summary>Options for a new browser context on the portal; relative URLs resolve against <see cref="BaseAddress"/>.</summary>
    public BrowserNewContextOptions ContextOptions(string? storageState = null, ViewportSize? viewport = null) => new()
    {
        BaseURL = BaseAddress.ToString(),
        Locale = "en-GB",
        StorageState = storageState,
        ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
    };

    /// <summary>
    /// A new browser context on the portal whose console is watched (<see cref="ConsoleWatch"/>): a test that opens its
    /// own contexts ends with <see cref="ShouldHaveCleanConsole"/> for each.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(string? storageState = null, ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(ContextOptions(storageState, viewport));
        await ConsoleWatch.StartAsync(context);
        return context;
    }

    /// <summary>Fails the test if a page of <paramref name="context"/> logged an error, threw, or broke the CSP.</summary>
    public static void ShouldHaveCleanConsole(IBrowserContext context) =>
        ConsoleWatch.Of(context).Problems.ShouldBeEmpty("the pages' console reported problems");

    /// <summary>
    /// The cookies of a session signed in as <paramref name="email"/> through the real login form; the sign-in
    /// happens once per account and later tests start from the saved state.
    /// </summary>
    public Task<string> StorageStateAsync(string email) =>
        _storageStates.GetOrAdd(email, key => new Lazy<Task<string>>(() => SignInThroughFormAsync(key))).Value;

    /// <summary>
    /// Runs <paramref name="body"/> in a fresh page (optionally already signed in as <paramref name="signedInAs"/>);
    /// if it fails, keeps a screenshot at <c>TestResults/screenshots/&lt;test&gt;.png</c> before rethrowing. It also fails
    /// if the page's console reported an error, an uncaught script error or a CSP violation.
    /// </summary>
    public async Task RunAsync(
        Func<IPage, Task> body,
        string? signedInAs = null,
        ViewportSize? viewport = null,
        [CallerMemberName] string testName = "")
    {
        var storageState = signedInAs is null ? null : await StorageStateAsync(signedInAs);
        await using var context = await NewContextAsync(storageState, viewport);
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        try
        {
            await body(page);
            ShouldHaveCleanConsole(context);
        }
        catch
        {
            await Screenshots.TrySaveAsync(page, testName);
            throw;
        }
    }

    /// <summary>Runs <paramref name="action"/> with the portal's database in a fresh scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A port the system just handed out, known before Kestrel starts so the configuration can name it.</summary>
    private static int FreeLoopbackPort()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static Uri ListeningAddress(IServiceProvider services)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no server addresses.");
        var address = addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel is not listening on any address.");
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private async Task<string> SignInThroughFormAsync(string email)
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        try
        {
            var login = new LoginPage(page);
            await login.GotoAsync();
            await login.SignInAsync(email, PortalFactory.DemoPassword);
            await Assertions.Expect(new LayoutNav(page).SignedInAs).ToHaveTextAsync(email);
            ShouldHaveCleanConsole(context);
            return await context.StorageStateAsync();
        }
        catch
        {
            await Screenshots.TrySaveAsync(page, $"sign-in-{email}");
            throw;
        }
    }
}

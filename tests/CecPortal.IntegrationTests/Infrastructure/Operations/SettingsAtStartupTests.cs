using System.Diagnostics;
using CecPortal.Testing;
using Shouldly;

namespace CecPortal.IntegrationTests.Infrastructure.Operations;

/// <summary>A wrong or missing setting stops the portal before it serves anything, with one sentence per problem.</summary>
public sealed class SettingsAtStartupTests
{
    [Fact]
    public async Task Start_WithSeveralBadSettings_PrintsOneSentencePerProblemWithoutStackTraceAndExits1()
    {
        // Arrange: a database the portal never reaches (validation comes first) and five mistakes.
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Portal"] = Unreachable,
            ["Email__Host"] = "127.0.0.1",
            ["Email__Port"] = "0",
            ["Email__FromAddress"] = "portal-at-cec",
            ["Jobs__WorkerCount"] = "0",
            ["RateLimits__SignInPerMinute"] = "0",
            ["Briefings__TimeZone"] = "Europe/Atlantis",
        };

        // Act
        var (exitCode, stdout, stderr) = await RunPortalAsync(settings);

        // Assert
        exitCode.ShouldBe(1, stdout + stderr);
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ShouldBe(
            [
                "Email__Port must be between 1 and 65535 (was 0)",
                "Email__FromAddress must be an email address (was 'portal-at-cec')",
                "Jobs__WorkerCount must be between 1 and 64 (was 0)",
                "RateLimits__SignInPerMinute must be between 1 and 1000000 (was 0)",
                "Briefings__TimeZone 'Europe/Atlantis' is not a known IANA time zone.",
            ],
            ignoreOrder: true);
        (stdout + stderr).ShouldNotContain(" at ");
    }

    [Fact]
    public async Task Start_WithValueOfWrongType_NamesTheSetting()
    {
        // Arrange
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Portal"] = Unreachable,
            ["Email__Host"] = "127.0.0.1",
            ["Shutdown__Timeout"] = "half a minute",
        };

        // Act
        var (exitCode, _, stderr) = await RunPortalAsync(settings);

        // Assert
        exitCode.ShouldBe(1);
        stderr.Trim().ShouldBe("Shutdown__Timeout must be a duration such as 00:05:00 (was 'half a minute')");
    }

    [Theory]
    [InlineData("", "Portal__BaseUrl is required: the portal's public address, such as https://portal.example.eu, from which every emailed link is built.")]
    [InlineData("portal.cec.example", "Portal__BaseUrl must be the portal's root address, such as https://portal.example.eu, without path, query or fragment (was 'portal.cec.example').")]
    [InlineData("http://portal.cec.example", "Portal__BaseUrl must start with https:// outside Development (was 'http://portal.cec.example').")]
    public async Task Start_InProductionWithoutHttpsBaseUrl_ExitsWithOneSentence(string baseUrl, string expected)
    {
        // Arrange
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Portal"] = Unreachable,
            ["Email__Host"] = "127.0.0.1",
            ["Portal__BaseUrl"] = baseUrl,
        };

        // Act
        var (exitCode, stdout, stderr) = await RunPortalAsync(settings);

        // Assert
        exitCode.ShouldBe(1, stdout + stderr);
        stderr.Trim().ShouldBe(expected);
    }

    [Fact]
    public async Task Start_WithProxyThatIsNotAnAddress_ExitsWithOneSentence()
    {
        // Arrange
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Portal"] = Unreachable,
            ["Email__Host"] = "127.0.0.1",
            ["ForwardedHeaders__KnownProxies__0"] = "proxy.internal",
            ["ForwardedHeaders__KnownNetworks__0"] = "10.0.0.0/33",
        };

        // Act
        var (exitCode, stdout, stderr) = await RunPortalAsync(settings);

        // Assert
        exitCode.ShouldBe(1, stdout + stderr);
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ShouldBe(
            [
                "ForwardedHeaders__KnownProxies must hold IP addresses such as 10.0.0.5 (was 'proxy.internal').",
                "ForwardedHeaders__KnownNetworks must hold networks in CIDR notation such as 10.0.0.0/24 (was '10.0.0.0/33').",
            ],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Start_InTestHostWithBadSettings_PrintsTheSettingsMessagesAndServesNothing()
    {
        // Arrange: test classes run one at a time, so the process-wide error writer can be borrowed.
        var printed = new StringWriter();
        var original = Console.Error;
        await using var factory = new PortalFactory(Unreachable, smtpPort: null, new Dictionary<string, string?>
        {
            ["Retention:BatchSize"] = "5",
            ["Security:IdleTimeout"] = "00:00:00",
        });

        // Act
        Console.SetError(printed);
        Exception? failure;
        try
        {
            failure = Record.Exception(() => factory.CreateClient());
        }
        finally
        {
            Console.SetError(original);
        }

        // Assert
        printed.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ShouldBe(
            [
                "Retention__BatchSize must be between 10 and 100000 (was 5)",
                "Security__IdleTimeout must be positive, e.g. 00:30:00.",
            ],
            ignoreOrder: true);
        failure.ShouldNotBeNull("the portal never started, so there is nothing to serve");
    }

    [Fact]
    public async Task Start_InProductionWithoutKeyRingCertificate_SaysSoInOneSentence()
    {
        // Arrange
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Portal"] = Unreachable,
            ["Email__Host"] = "127.0.0.1",
            ["Portal__BaseUrl"] = "https://portal.cec.example",
            ["DataProtection__CertificatePath"] = string.Empty,
            ["DataProtection__CertificatePassword"] = string.Empty,
        };

        // Act
        var (exitCode, stdout, stderr) = await RunPortalAsync(settings);

        // Assert
        exitCode.ShouldBe(1, stdout + stderr);
        stderr.Trim().ShouldBe("DataProtection__CertificatePath is required outside Development: set it to a PKCS#12 (.pfx) certificate with an RSA private key (and DataProtection__CertificatePassword), which encrypts the sign-in key ring stored in the database.");
    }

    [Fact]
    public async Task Start_WithKeyRingCertificateAndWrongPassword_SaysSoWithoutThePassword()
    {
        // Arrange
        var certificate = KeyRingCertificate.Shared;
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Portal"] = Unreachable,
            ["Email__Host"] = "127.0.0.1",
            ["Portal__BaseUrl"] = "https://portal.cec.example",
            ["DataProtection__CertificatePassword"] = "not-the-password",
        };

        // Act
        var (exitCode, stdout, stderr) = await RunPortalAsync(settings);

        // Assert
        exitCode.ShouldBe(1, stdout + stderr);
        stderr.Trim().ShouldBe($"DataProtection__CertificatePath '{certificate.Path}' could not be opened: it is not a PKCS#12 (.pfx) file or DataProtection__CertificatePassword is wrong.");
        (stdout + stderr).ShouldNotContain("not-the-password");
    }

    private const string Unreachable = "Host=127.0.0.1;Port=1;Database=none;Username=none";

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunPortalAsync(Dictionary<string, string> settings)
    {
        var portal = PortalAssemblyPath();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(portal)!,
        };
        start.ArgumentList.Add(portal);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Portal__BaseUrl"] = "https://portal.cec.example";

        // Production requires the key ring's certificate; the tests that are about it override these.
        foreach (var (key, value) in KeyRingCertificate.Shared.EnvironmentVariables.Concat(settings))
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The portal started although its settings are wrong.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The web project's own build output, built with the solution.</summary>
    internal static string PortalAssemblyPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CecPortal.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root!.FullName, "src", "CecPortal.Web", "bin", testOutput.Parent!.Name, testOutput.Name, "CecPortal.Web.dll");
        File.Exists(path).ShouldBeTrue($"{path} is built with the solution");
        return path;
    }
}

using CecPortal.UnitTests.Support;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.Extensions.Configuration;

namespace CecPortal.UnitTests.Infrastructure.Web;

public sealed class PortalPathsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void DataRoot_AbsoluteDirectoryConfigured_WinsOverSolutionRoot()
    {
        // Arrange
        _temp.CreateFile("repo", "CecPortal.sln");
        var contentRoot = _temp.CreateDirectory("repo", "src", "CecPortal.Web");
        var configured = Path.Combine(_temp.Root, "elsewhere", "data");
        var configuration = Configuration(configured);

        // Act
        var root = PortalPaths.DataRoot(configuration, contentRoot);

        // Assert
        root.ShouldBe(configured);
    }

    [Fact]
    public void DataRoot_RelativeDirectoryConfigured_ResolvesAgainstContentRoot()
    {
        // Arrange
        var contentRoot = _temp.CreateDirectory("app");
        var configuration = Configuration(Path.Combine("..", "portal-data"));

        // Act
        var root = PortalPaths.DataRoot(configuration, contentRoot);

        // Assert
        root.ShouldBe(Path.Combine(_temp.Root, "portal-data"));
    }

    [Fact]
    public void DataRoot_NothingConfiguredInsideRepository_ReturnsDotDataAtSolutionRoot()
    {
        // Arrange
        var repo = _temp.CreateDirectory("repo");
        _temp.CreateFile("repo", "CecPortal.sln");
        var contentRoot = _temp.CreateDirectory("repo", "src", "CecPortal.Web");

        // Act
        var root = PortalPaths.DataRoot(Configuration(null), contentRoot);

        // Assert
        root.ShouldBe(Path.Combine(repo, ".data"));
    }

    [Fact]
    public void DataRoot_WhitespaceConfigured_IsTreatedAsNotConfigured()
    {
        // Arrange
        var repo = _temp.CreateDirectory("repo");
        _temp.CreateFile("repo", "CecPortal.sln");
        var contentRoot = _temp.CreateDirectory("repo", "src", "CecPortal.Web");

        // Act
        var root = PortalPaths.DataRoot(Configuration("   "), contentRoot);

        // Assert
        root.ShouldBe(Path.Combine(repo, ".data"));
    }

    [Fact]
    public void DataRoot_NoSolutionAbove_ReturnsDotDataUnderContentRoot()
    {
        // Arrange
        Assert.SkipWhen(
            AnyAncestorHoldsSolution(_temp.Root),
            "A CecPortal.sln above the temp directory would make the walk-up succeed.");
        var contentRoot = _temp.CreateDirectory("published", "app");

        // Act
        var root = PortalPaths.DataRoot(Configuration(null), contentRoot);

        // Assert
        root.ShouldBe(Path.Combine(contentRoot, ".data"));
    }

    private static IConfiguration Configuration(string? dataDirectory) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:DataDirectory"] = dataDirectory })
        .Build();

    private static bool AnyAncestorHoldsSolution(string path)
    {
        for (var directory = new DirectoryInfo(path); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CecPortal.sln")))
            {
                return true;
            }
        }

        return false;
    }
}

using CecPortal.UnitTests.Support;
using CecPortal.Web.Infrastructure.LocalPostgres;

namespace CecPortal.UnitTests.Infrastructure.LocalPostgres;

public sealed class FindBinDirectoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void FindBinDirectory_PathDirectoryWithPgCtlAndInitdb_ReturnsThatDirectory()
    {
        // Arrange
        var bin = CreateServerBin("path-bin");
        var versionsRoot = _temp.CreateDirectory("versions");
        CreateServerBin("versions", "16", "bin");

        // Act
        var found = LocalPostgresCluster.FindBinDirectory(bin, versionsRoot);

        // Assert
        found.ShouldBe(bin);
    }

    [Fact]
    public void FindBinDirectory_FirstPathEntryIncomplete_ReturnsLaterCompleteEntry()
    {
        // Arrange
        var onlyPgCtl = _temp.CreateDirectory("only-pg_ctl");
        _temp.CreateFile("only-pg_ctl", "pg_ctl");
        var onlyInitdb = _temp.CreateDirectory("only-initdb");
        _temp.CreateFile("only-initdb", "initdb");
        var complete = CreateServerBin("complete");
        var path = string.Join(Path.PathSeparator, onlyPgCtl, onlyInitdb, complete);

        // Act
        var found = LocalPostgresCluster.FindBinDirectory(path, Missing());

        // Assert
        found.ShouldBe(complete);
    }

    [Fact]
    public void FindBinDirectory_PathEntriesWithEmptySegments_IgnoresThem()
    {
        // Arrange
        var complete = CreateServerBin("complete");
        var path = $"{Path.PathSeparator}{Path.PathSeparator}{complete}{Path.PathSeparator}";

        // Act
        var found = LocalPostgresCluster.FindBinDirectory(path, Missing());

        // Assert
        found.ShouldBe(complete);
    }

    [Fact]
    public void FindBinDirectory_PathHoldsSymlinks_ReturnsDirectoryOfRealBinaries()
    {
        // Arrange
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Symbolic links need extra rights on Windows.");
        var real = CreateServerBin("usr", "lib", "postgresql", "16", "bin");
        var links = _temp.CreateDirectory("usr", "bin");
        File.CreateSymbolicLink(Path.Combine(links, "pg_ctl"), Path.Combine(real, "pg_ctl"));
        File.CreateSymbolicLink(Path.Combine(links, "initdb"), Path.Combine(real, "initdb"));

        // Act
        var found = LocalPostgresCluster.FindBinDirectory(links, Missing());

        // Assert
        found.ShouldBe(real);
    }

    [Fact]
    public void FindBinDirectory_NothingOnPath_PicksHighestVersionUnderVersionsRoot()
    {
        // Arrange
        var versionsRoot = _temp.CreateDirectory("versions");
        CreateServerBin("versions", "13", "bin");
        var v16 = CreateServerBin("versions", "16", "bin");

        // Act
        var found = LocalPostgresCluster.FindBinDirectory(string.Empty, versionsRoot);

        // Assert
        found.ShouldBe(v16);
    }

    [Fact]
    public void FindBinDirectory_VersionsOfDifferentDigitCounts_ComparesNumerically()
    {
        // Arrange
        var versionsRoot = _temp.CreateDirectory("versions");
        CreateServerBin("versions", "9", "bin");
        var v13 = CreateServerBin("versions", "13", "bin");

        // Act
        var found = LocalPostgresCluster.FindBinDirectory(string.Empty, versionsRoot);

        // Assert
        found.ShouldBe(v13);
    }

    [Fact]
    public void FindBinDirectory_HighestVersionIncomplete_PicksHighestCompleteVersion()
    {
        // Arrange
        var versionsRoot = _temp.CreateDirectory("versions");
        var v13 = CreateServerBin("versions", "13", "bin");
        _temp.CreateFile("versions", "17", "bin", "pg_ctl");

        // Act
        var found = LocalPostgresCluster.FindBinDirectory(string.Empty, versionsRoot);

        // Assert
        found.ShouldBe(v13);
    }

    [Fact]
    public void FindBinDirectory_PathIncompleteButVersionsRootComplete_FallsBackToVersionsRoot()
    {
        // Arrange
        var onlyPgCtl = _temp.CreateDirectory("only-pg_ctl");
        _temp.CreateFile("only-pg_ctl", "pg_ctl");
        var versionsRoot = _temp.CreateDirectory("versions");
        var v15 = CreateServerBin("versions", "15", "bin");

        // Act
        var found = LocalPostgresCluster.FindBinDirectory(onlyPgCtl, versionsRoot);

        // Assert
        found.ShouldBe(v15);
    }

    [Fact]
    public void FindBinDirectory_EmptyVersionsRoot_ReturnsNull()
    {
        // Arrange
        var versionsRoot = _temp.CreateDirectory("versions");
        _temp.CreateDirectory("versions", "16", "bin");

        // Act
        var found = LocalPostgresCluster.FindBinDirectory(_temp.CreateDirectory("empty-bin"), versionsRoot);

        // Assert
        found.ShouldBeNull();
    }

    [Fact]
    public void FindBinDirectory_MissingVersionsRootAndEmptyPath_ReturnsNull()
    {
        // Arrange
        var versionsRoot = Missing();

        // Act
        var found = LocalPostgresCluster.FindBinDirectory(string.Empty, versionsRoot);

        // Assert
        found.ShouldBeNull();
    }

    private string CreateServerBin(params string[] parts)
    {
        var directory = _temp.CreateDirectory(parts);
        _temp.CreateFile([.. parts, "pg_ctl"]);
        _temp.CreateFile([.. parts, "initdb"]);
        return directory;
    }

    private string Missing() => Path.Combine(_temp.Root, "does-not-exist");
}

namespace CecPortal.UnitTests.Support;

/// <summary>A fresh directory under the system temp path, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "cecportal-unit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Creates (if needed) a directory below <see cref="Root"/> and returns its full path.</summary>
    public string CreateDirectory(params string[] parts)
    {
        var full = Path.Combine([Root, .. parts]);
        Directory.CreateDirectory(full);
        return full;
    }

    /// <summary>Creates an empty file (and its directory) below <see cref="Root"/> and returns its full path.</summary>
    public string CreateFile(params string[] parts)
    {
        var full = Path.Combine([Root, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, string.Empty);
        return full;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}

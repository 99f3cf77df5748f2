namespace CecPortal.Web.Infrastructure.Web;

/// <summary>Where the portal keeps local files (embedded database, captured mail) when nothing else is configured.</summary>
public static class PortalPaths
{
    /// <summary>
    /// <c>Portal:DataDirectory</c> when set, otherwise <c>.data</c> at the repository root (found by walking up to
    /// <c>CecPortal.sln</c>), otherwise <c>.data</c> under the content root.
    /// </summary>
    public static string DataRoot(IConfiguration configuration, string contentRootPath)
    {
        var configured = configuration["Portal:DataDirectory"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRootPath);
        }

        for (var directory = new DirectoryInfo(contentRootPath); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CecPortal.sln")))
            {
                return Path.Combine(directory.FullName, ".data");
            }
        }

        return Path.Combine(contentRootPath, ".data");
    }
}

using System.Reflection;
using CecPortal.Web.Features;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CecPortal.UnitTests.Architecture;

/// <summary>Keeps who may open what in one table, <see cref="PortalAccess"/>, instead of on each page.</summary>
public sealed class AccessRulesTests
{
    [Fact]
    public void PageModels_InTheWebAssembly_CarryNoAuthorizationAttributes()
    {
        // Arrange
        var pageModels = typeof(PortalAccess).Assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t));

        // Act
        var annotated = pageModels
            .Where(t => t.GetCustomAttributes(inherit: true).Any(a => a is IAuthorizeData or IAllowAnonymous)
                || t.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
                    .Any(m => m.GetCustomAttributes(inherit: true).Any(a => a is IAuthorizeData or IAllowAnonymous)))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();

        // Assert
        pageModels.ShouldNotBeEmpty();
        annotated.ShouldBeEmpty($"Say who may open these pages in {nameof(PortalAccess)} instead: {string.Join(", ", annotated)}");
    }

    [Fact]
    public void AnonymousPages_NoneInTheStaffArea()
    {
        // Arrange
        var pages = PortalAccess.AnonymousPages;

        // Act
        var staffPages = pages.Where(p => p.StartsWith("/Admin/", StringComparison.OrdinalIgnoreCase)).ToList();

        // Assert
        staffPages.ShouldBeEmpty();
        pages.ShouldBeUnique();
        PortalAccess.Folders.Select(f => f.Folder).ShouldBeUnique();
    }
}

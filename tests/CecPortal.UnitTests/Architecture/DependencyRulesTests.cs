using CecPortal.Web.Features;
using NetArchTest.Rules;

namespace CecPortal.UnitTests.Architecture;

/// <summary>
/// Dependencies point one way (docs/architecture.md): <c>Features/</c> may use <c>Shared/</c>, <c>Data/</c> and
/// <c>Infrastructure/</c>; none of those three uses a feature.
/// </summary>
public sealed class DependencyRulesTests
{
    private const string Features = "CecPortal.Web.Features";

    [Fact]
    public void Infrastructure_DependsOnNoFeature()
    {
        // Arrange
        var infrastructure = Portal().That().ResideInNamespace("CecPortal.Web.Infrastructure");

        // Act
        var result = infrastructure.ShouldNot().HaveDependencyOnAny(Features).GetResult();

        // Assert
        result.IsSuccessful.ShouldBeTrue(Failures(result));
    }

    [Fact]
    public void Shared_DependsOnNoFeature()
    {
        // Arrange
        var shared = Portal().That().ResideInNamespace("CecPortal.Web.SharedKernel");

        // Act
        var result = shared.ShouldNot().HaveDependencyOnAny(Features).GetResult();

        // Assert
        result.IsSuccessful.ShouldBeTrue(Failures(result));
    }

    /// <summary>
    /// The context maps every feature's entities, so it names them (and the generated migrations do too); the rest of
    /// <c>Data/</c> does not: features hook their start-up work into the migrator as <c>IDatabaseStartupStep</c>s.
    /// </summary>
    [Fact]
    public void Data_BesidesTheModel_DependsOnNoFeature()
    {
        // Arrange
        var data = Portal().That().ResideInNamespace("CecPortal.Web.Data")
            .And().DoNotResideInNamespace("CecPortal.Web.Data.Migrations")
            .And().DoNotHaveName("AppDbContext");

        // Act
        var result = data.ShouldNot().HaveDependencyOnAny(Features).GetResult();

        // Assert
        result.IsSuccessful.ShouldBeTrue(Failures(result));
    }

    private static Types Portal() => Types.InAssembly(typeof(PortalAccess).Assembly);

    private static string Failures(NetArchTest.Rules.TestResult result) =>
        "These types depend on a feature: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []);
}

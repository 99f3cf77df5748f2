using CecPortal.Web.Infrastructure.Web;
using Npgsql;

namespace CecPortal.UnitTests.Infrastructure.Web;

public sealed class PortalDatabaseTests
{
    private const string Configured = "Host=db.internal;Port=5433;Database=cecportal;Username=portal;Password=s3cret;Maximum Pool Size=40";

    [Fact]
    public void ForPages_ConnectionStringSaysNothing_PreparesUpToTheSettingAndKeepsTheRest()
    {
        // Act
        var result = new NpgsqlConnectionStringBuilder(PortalDatabase.ForPages(Configured, 64));

        // Assert
        result.MaxAutoPrepare.ShouldBe(64);
        (result.Host, result.Port, result.Database, result.Username, result.Password, result.MaxPoolSize)
            .ShouldBe(("db.internal", 5433, "cecportal", "portal", "s3cret", 40));
    }

    [Fact]
    public void ForPages_ConnectionStringSetsItsOwn_KeepsIt()
    {
        // Act
        var result = new NpgsqlConnectionStringBuilder(PortalDatabase.ForPages(Configured + ";Max Auto Prepare=8", 64));

        // Assert
        result.MaxAutoPrepare.ShouldBe(8);
    }

    [Fact]
    public void ForPages_ConnectionStringSaysNothingOfTheReset_KeepsSessionsWithoutResetting()
    {
        // Act
        var result = new NpgsqlConnectionStringBuilder(PortalDatabase.ForPages(Configured, 64));

        // Assert
        result.NoResetOnClose.ShouldBeTrue();
    }

    [Fact]
    public void ForPages_ConnectionStringAsksForTheReset_KeepsIt()
    {
        // Act
        var result = new NpgsqlConnectionStringBuilder(PortalDatabase.ForPages(Configured + ";No Reset On Close=false", 64));

        // Assert
        result.NoResetOnClose.ShouldBeFalse();
    }

    [Fact]
    public void ForPages_SettingZero_LeavesPreparationOff()
    {
        // Act
        var result = new NpgsqlConnectionStringBuilder(PortalDatabase.ForPages(Configured, 0));

        // Assert
        result.MaxAutoPrepare.ShouldBe(0);
    }
}

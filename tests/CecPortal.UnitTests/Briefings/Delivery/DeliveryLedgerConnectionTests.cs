using CecPortal.Web.Features.Briefings.Delivery;
using Npgsql;

namespace CecPortal.UnitTests.Briefings.Delivery;

public sealed class DeliveryLedgerConnectionTests
{
    private const string Pages = "Host=db.internal;Database=cecportal;Username=portal;Password=s3cret;Max Auto Prepare=64;No Reset On Close=true";

    [Fact]
    public void RelaxedCommits_PagesConnectionString_StartsSessionsWithoutWaitingForTheDiskAndKeepsTheRest()
    {
        // Act
        var result = new NpgsqlConnectionStringBuilder(DeliveryLedger.RelaxedCommits(Pages));

        // Assert
        result.Options.ShouldBe("-c synchronous_commit=off");
        (result.Host, result.Database, result.Username, result.Password, result.MaxAutoPrepare)
            .ShouldBe(("db.internal", "cecportal", "portal", "s3cret", 64));
    }

    [Fact]
    public void RelaxedCommits_ConnectionStringWithItsOwnOptions_AddsToThem()
    {
        // Act
        var result = new NpgsqlConnectionStringBuilder(DeliveryLedger.RelaxedCommits(Pages + ";Options=-c search_path=portal"));

        // Assert
        result.Options.ShouldBe("-c search_path=portal -c synchronous_commit=off");
    }
}

using System.Net.Sockets;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CecPortal.UnitTests.Infrastructure.Web;

public sealed class DatabaseOutageTests
{
    [Fact]
    public void IsTransient_ConnectionRefused_True() =>
        DatabaseOutage.IsTransient(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))).ShouldBeTrue();

    [Fact]
    public void IsTransient_SaveChangesFailedOnALostConnection_True() =>
        DatabaseOutage.IsTransient(new DbUpdateException("An error occurred while saving", new NpgsqlException("Exception while reading from stream", new IOException("reset")))).ShouldBeTrue();

    [Theory]
    [InlineData("57P01")]
    [InlineData("57P03")]
    [InlineData("08006")]
    public void IsTransient_ServerShuttingDownOrStarting_True(string sqlState) =>
        DatabaseOutage.IsTransient(new PostgresException("terminating connection", "FATAL", "FATAL", sqlState)).ShouldBeTrue();

    [Theory]
    [InlineData("23505")]
    [InlineData("42P01")]
    public void IsTransient_ServerRefusedTheStatement_False(string sqlState) =>
        DatabaseOutage.IsTransient(new DbUpdateException("An error occurred while saving", new PostgresException("refused", "ERROR", "ERROR", sqlState))).ShouldBeFalse();

    [Fact]
    public void IsTransient_UnrelatedFailure_False() =>
        DatabaseOutage.IsTransient(new InvalidOperationException("Sequence contains no elements")).ShouldBeFalse();
}

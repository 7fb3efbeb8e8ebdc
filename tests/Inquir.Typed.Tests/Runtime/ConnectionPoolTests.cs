using Inquir.Typed.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>
/// The runtime's own pool holds a few connections (its loops need about six, plus room for starts), not Npgsql's
/// default of 100, and hands them out again without a reset, unless the connection string says otherwise.
/// </summary>
public sealed class ConnectionPoolTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(16, 10)]
    [InlineData(64, 22)]
    [InlineData(10_000, 50)]
    public async Task Without_a_pool_size_in_the_connection_string_the_pool_is_sized_for_the_worker(int concurrency, int expected)
    {
        var options = new InquirOptions { ConnectionString = TestDatabase.ConnectionString };
        options.Worker.Concurrency = concurrency;

        await using var source = new InquirDataSource(options);

        Assert.Equal(expected, MaxPoolSizeOf(source));
    }

    [Theory]
    [InlineData("Maximum Pool Size=100", 100)]
    [InlineData("MaxPoolSize=7", 7)]
    [InlineData("maximum pool size=3", 3)]
    public async Task A_pool_size_in_the_connection_string_wins(string setting, int expected)
    {
        await using var source = new InquirDataSource(new InquirOptions { ConnectionString = TestDatabase.ConnectionString + ";" + setting });

        Assert.Equal(expected, MaxPoolSizeOf(source));
    }

    [Fact]
    public async Task A_minimum_pool_size_above_the_default_raises_the_pool_size_to_it()
    {
        await using var source = new InquirDataSource(new InquirOptions { ConnectionString = TestDatabase.ConnectionString + ";Minimum Pool Size=45" });

        Assert.Equal(45, MaxPoolSizeOf(source));
    }

    [Fact]
    public async Task The_runtime_s_connections_go_back_to_the_pool_without_a_reset_unless_the_connection_string_asks_for_one()
    {
        await using var plain = new InquirDataSource(new InquirOptions { ConnectionString = TestDatabase.ConnectionString });
        await using var asked = new InquirDataSource(new InquirOptions { ConnectionString = TestDatabase.ConnectionString + ";No Reset On Close=false" });

        Assert.True(new NpgsqlConnectionStringBuilder(plain.DataSource.ConnectionString).NoResetOnClose);
        Assert.False(new NpgsqlConnectionStringBuilder(asked.DataSource.ConnectionString).NoResetOnClose);
    }

    private static int MaxPoolSizeOf(InquirDataSource source) => new NpgsqlConnectionStringBuilder(source.DataSource.ConnectionString).MaxPoolSize;
}

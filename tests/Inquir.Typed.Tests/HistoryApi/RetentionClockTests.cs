using Dapper;
using Inquir.Typed.Tests.Infrastructure;

namespace Inquir.Typed.Tests.HistoryApi;

public sealed class RetentionClockTests
{
    [Fact]
    public async Task A_host_whose_clock_is_ahead_deletes_only_runs_past_their_age_on_the_database_clock()
    {
        await using var services = await HistoryServices.CreateAsync();
        await using var connection = await TestDatabase.OpenAsync();
        var databaseNow = new DateTimeOffset(DateTime.SpecifyKind(await connection.ExecuteScalarAsync<DateTime>("SELECT now()"), DateTimeKind.Utc));
        var expired = new SeededRun { CreatedAt = databaseNow.AddDays(-8).AddHours(-1), CompletedAt = databaseNow.AddDays(-8) };
        var kept = new SeededRun { CreatedAt = databaseNow.AddDays(-6).AddHours(-1), CompletedAt = databaseNow.AddDays(-6) };
        await SeededRun.InsertAsync(services.Schema, [expired, kept]);

        // The worker process sweeps when it starts, with the default retention of 7 days for succeeded runs. Its
        // clock is two days ahead: a cutoff taken from it would delete the run that ended six days ago.
        using var ahead = SkewedWorkerProcess.Start(services.Schema, TimeSpan.FromDays(2), TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(async () => await services.Tables.CountAsync("runs", "id = @id", new { id = expired.Id }) == 0, "the sweep to delete the run that ended eight days ago");

        Assert.Equal(1, await services.Tables.CountAsync("runs", "id = @id", new { id = kept.Id }));
    }
}

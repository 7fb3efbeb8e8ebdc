namespace Inquir.Typed.Tests.HistoryApi;

public sealed class PaginationTests
{
    [Fact]
    public async Task Pages_cover_every_run_once_in_order_even_when_creation_times_tie()
    {
        await using var services = await HistoryServices.CreateAsync();
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        // Groups of three runs share a creation time, so the id breaks ties across page boundaries.
        var runs = Enumerable.Range(0, 130).Select(i => new SeededRun { CreatedAt = start.AddSeconds(i / 3) }).ToList();
        await SeededRun.InsertAsync(services.Schema, runs);
        var expected = runs.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id.ToString(), StringComparer.Ordinal).Select(r => r.Id).ToList();

        var seen = new List<Guid>();
        var query = new RunQuery { Limit = 25 };
        var pages = 0;
        while (true)
        {
            var page = await services.History.SearchAsync(query);
            pages++;
            seen.AddRange(page.Runs.Select(r => r.Id));
            if (page.NextCursor is null)
            {
                break;
            }

            query = query with { Cursor = page.NextCursor };
        }

        Assert.Equal(6, pages);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task A_cursor_keeps_the_filters_of_its_query()
    {
        await using var services = await HistoryServices.CreateAsync();
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var runs = Enumerable.Range(0, 40).Select(i => new SeededRun { CreatedAt = start.AddMinutes(i), Status = i % 2 == 0 ? "failed" : "succeeded" }).ToList();
        await SeededRun.InsertAsync(services.Schema, runs);

        var first = await services.History.SearchAsync(new RunQuery { Status = RunStatus.Failed, Limit = 15 });
        var second = await services.History.SearchAsync(new RunQuery { Status = RunStatus.Failed, Limit = 15, Cursor = first.NextCursor });

        Assert.Equal(15, first.Runs.Count);
        Assert.Equal(5, second.Runs.Count);
        Assert.Null(second.NextCursor);
        Assert.All(first.Runs.Concat(second.Runs), r => Assert.Equal(RunStatus.Failed, r.Status));
        Assert.Equal(20, first.Runs.Concat(second.Runs).Select(r => r.Id).Distinct().Count());
    }
}

using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

public abstract class SizeLimitTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task An_input_over_the_limit_is_refused_on_start_naming_its_size_and_the_limit_and_nothing_is_written()
    {
        await using var host = await WorkerHost.StartAsync(
            Database, s => s.AddWorkflow<DoublingWorkflow>(), w => w.Enabled = false, new Dictionary<string, string?> { ["Inquir:MaxInputBytes"] = "100" });
        await host.Services.GetRequiredService<SchemaReadiness>().EnsureAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.StartDoublingWorkflowAsync(new string('x', 120)));

        Assert.Contains("The input of workflow 'doubling' is 122 bytes of JSON; the limit is 100 bytes (Inquir:MaxInputBytes)", error.Message);
        Assert.Equal(0, await Database.History.CountAsync("runs"));
        Assert.NotNull(await host.Client.StartDoublingWorkflowAsync(new string('e', 60)));
    }

    [Fact]
    public async Task The_input_limit_is_one_mebibyte_by_default()
    {
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddWorkflow<DoublingWorkflow>(), w => w.Enabled = false);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.StartDoublingWorkflowAsync(new string('x', InquirOptions.DefaultMaxPayloadBytes)));

        Assert.Contains($"is {InquirOptions.DefaultMaxPayloadBytes + 2} bytes of JSON; the limit is {InquirOptions.DefaultMaxPayloadBytes} bytes", error.Message);
    }

    [Fact]
    public async Task A_step_output_over_the_limit_fails_the_attempt_with_its_size_and_the_limit_and_is_not_checkpointed()
    {
        await using var host = await WorkerHost.StartAsync(
            Database, s => s.AddWorkflow<DoublingWorkflow>(), configuration: new Dictionary<string, string?> { ["Inquir:MaxStepOutputBytes"] = "1000" });
        var small = await host.Client.StartDoublingWorkflowAsync(new string('s', 400));
        var large = await host.Client.StartDoublingWorkflowAsync(new string('l', 600));

        Assert.Equal(800, (await small.WaitAsync(Eventually.Limit)).Length);
        var error = await Assert.ThrowsAsync<WorkflowFailedException>(() => large.WaitAsync(Eventually.Limit));
        Assert.Contains("the step's output is 1202 bytes of JSON; the limit is 1000 bytes (Inquir:MaxStepOutputBytes)", error.Run.Error);
        var attempt = Assert.Single(await Database.History.AttemptsAsync(large.Id));
        Assert.Equal(("failed", typeof(StepOutputTooLargeException).FullName), (attempt.Outcome, attempt.ErrorType));
        Assert.Empty(await Database.History.CheckpointsAsync(large.Id));
    }

    [Fact]
    public async Task A_step_output_with_a_string_longer_than_the_JSON_writer_takes_fails_as_too_large_and_is_not_retried()
    {
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddWorkflow<LongStringWorkflow>());

        // 300 million characters: past System.Text.Json's 166,666,666 per string value, which makes its writer throw.
        var run = await host.Client.StartLongStringWorkflowAsync(300_000_000);

        var error = await Assert.ThrowsAsync<WorkflowFailedException>(() => run.WaitAsync(Eventually.Limit));
        Assert.Contains("the step's output is at least 300000002 bytes of JSON; the limit is 1048576 bytes (Inquir:MaxStepOutputBytes)", error.Run.Error);
        var attempt = Assert.Single(await Database.History.AttemptsAsync(run.Id));
        Assert.Equal(("failed", typeof(StepOutputTooLargeException).FullName), (attempt.Outcome, attempt.ErrorType));
    }
}

public sealed class PostgresSizeLimitTests() : SizeLimitTests(TestStore.Postgres);

public sealed class SqliteSizeLimitTests() : SizeLimitTests(TestStore.Sqlite);

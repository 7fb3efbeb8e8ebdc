using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>"Marked failed with full logs": what a step logged during an attempt is kept with that attempt.</summary>
public abstract class AttemptLogTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task Each_attempt_keeps_the_lines_its_step_logged_in_order_with_level_values_and_exception()
    {
        var appLogs = new CapturedLogs();
        await using var host = await StartAsync(new ChattyScript { FailFirst = true }, s => s.AddSingleton<ILoggerProvider>(appLogs));

        var run = await host.Client.StartChattyWorkflowAsync(41);
        Assert.Equal(42, await run.WaitAsync(Eventually.Limit));

        var attempts = await AttemptsAsync(host, run.Id);
        Assert.Equal(2, attempts.Count);
        var failed = attempts[0];
        Assert.Equal(["Charging order 41 for 12.5", "upstream refused with 503"], failed.Logs.Select(l => l.Message));
        Assert.Equal([LogLevel.Information, LogLevel.Warning], failed.Logs.Select(l => l.Level));
        Assert.Equal(new Dictionary<string, string?> { ["OrderId"] = "41", ["Amount"] = "12.5" }, failed.Logs[0].Values);
        Assert.Equal("System.InvalidOperationException: gateway said 503", failed.Logs[1].Exception);
        Assert.Equal(["Charging order 41 for 12.5"], attempts[1].Logs.Select(l => l.Message));
        Assert.Equal(0, failed.DroppedLogLines);

        // The application's own logging still gets every line, the debug one included when its filter allows it.
        Assert.Contains(appLogs.Entries, e => e.Contains("upstream refused with 503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_step_that_logs_in_a_loop_keeps_at_most_the_configured_lines_and_says_how_many_it_dropped()
    {
        await using var host = await StartAsync(new ChattyScript { ExtraLines = 500 }, logs: o => o.MaxLines = 10);

        var run = await host.Client.StartChattyWorkflowAsync(1);
        await run.WaitAsync(Eventually.Limit);

        var attempt = Assert.Single(await AttemptsAsync(host, run.Id));
        Assert.Equal(10, attempt.Logs.Count);
        Assert.Equal("line 8 of a chatty loop", attempt.Logs[^1].Message);
        Assert.Equal(491, attempt.DroppedLogLines);
    }

    [Fact]
    public async Task The_byte_bound_drops_lines_past_it()
    {
        await using var host = await StartAsync(new ChattyScript { ExtraLines = 500 }, logs: o => o.MaxBytes = 1024);

        var run = await host.Client.StartChattyWorkflowAsync(1);
        await run.WaitAsync(Eventually.Limit);

        var attempt = Assert.Single(await AttemptsAsync(host, run.Id));
        Assert.InRange(attempt.Logs.Sum(l => l.Message.Length), 1, 1024);
        Assert.Equal(501, attempt.Logs.Count + attempt.DroppedLogLines);
    }

    [Fact]
    public async Task A_line_holding_U0000_is_kept_cleaned()
    {
        await using var host = await StartAsync(new ChattyScript { NulInMessage = true });

        var run = await host.Client.StartChattyWorkflowAsync(1);
        await run.WaitAsync(Eventually.Limit);

        Assert.Contains("a message with U+0000 \uFFFD in it", (await AttemptsAsync(host, run.Id))[0].Logs.Select(l => l.Message));
    }

    [Fact]
    public async Task An_attempt_whose_worker_lost_it_keeps_no_lines_and_the_next_attempt_keeps_only_its_own()
    {
        var script = new ChattyScript { HoldFirst = true };
        await using var host = await StartAsync(script);
        var run = await host.Client.StartChattyWorkflowAsync(1);
        await script.FirstHeld.Task.WaitAsync(Eventually.Limit);

        // The worker died as far as the database can tell: its lease ran out, and the run is taken again.
        await Database.History.ExpireLeaseAsync(run.Id);
        Assert.Equal(2, await run.WaitAsync(Eventually.Limit));

        var attempts = await AttemptsAsync(host, run.Id);
        Assert.Equal([StepAttemptOutcome.Abandoned, StepAttemptOutcome.Succeeded], attempts.Select(a => a.Outcome));
        Assert.Empty(attempts[0].Logs);
        Assert.Equal(["Charging order 1 for 12.5"], attempts[1].Logs.Select(l => l.Message));
    }

    [Fact]
    public async Task With_capture_off_no_lines_are_kept()
    {
        await using var host = await StartAsync(new ChattyScript(), logs: o => o.Enabled = false);

        var run = await host.Client.StartChattyWorkflowAsync(1);
        await run.WaitAsync(Eventually.Limit);

        Assert.Empty(Assert.Single(await AttemptsAsync(host, run.Id)).Logs);
    }

    [Fact]
    public async Task Retention_removes_the_lines_with_their_run()
    {
        await using var host = await StartAsync(new ChattyScript());
        var run = await host.Client.StartChattyWorkflowAsync(1);
        await run.WaitAsync(Eventually.Limit);
        var history = Database.History;
        Assert.Equal(1, await history.CountAsync("attempts", "logs IS NOT NULL"));

        await history.AgeCompletedRunsAsync(TimeSpan.FromDays(30));
        await host.Services.GetRequiredService<IWorkflowHistory>().DeleteExpiredAsync(new RetentionOptions { SucceededFor = TimeSpan.FromDays(1) });

        Assert.Equal(0, await history.CountAsync("attempts"));
    }

    [Theory]
    [InlineData("MaxLines", "0", "Inquir:AttemptLogs:MaxLines must be between 1 and 10000; it is 0.")]
    [InlineData("MaxBytes", "100", "Inquir:AttemptLogs:MaxBytes must be between 1024 and 1048576; it is 100.")]
    [InlineData("MinimumLevel", "None", "Inquir:AttemptLogs:MinimumLevel must be a level from Trace to Critical; it is None.")]
    public async Task A_bad_attempt_log_setting_stops_the_host_naming_the_key(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Inquir:AttemptLogs:" + key] = value }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration)
            .AddInquir(Database.Use)
            .AddSingleton(new ChattyScript()).AddWorkflow<ChattyWorkflow>();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InquirOptions>>().Value);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private Task<WorkerHost> StartAsync(ChattyScript script, Action<IServiceCollection>? services = null, Action<AttemptLogOptions>? logs = null) =>
        WorkerHost.StartAsync(Database, s =>
        {
            s.AddSingleton(script).AddWorkflow<ChattyWorkflow>();
            s.Configure<InquirOptions>(o => logs?.Invoke(o.AttemptLogs));
            services?.Invoke(s);
        });

    private static async Task<IReadOnlyList<StepAttempt>> AttemptsAsync(WorkerHost host, Guid runId) =>
        (await host.Services.GetRequiredService<IWorkflowHistory>().GetAsync(runId))!.Steps.Single().Attempts;
}

public sealed class PostgresAttemptLogTests() : AttemptLogTests(TestStore.Postgres);

public sealed class SqliteAttemptLogTests() : AttemptLogTests(TestStore.Sqlite);

using Dapper;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Inquir.Typed.Tests.Alerts;

/// <summary>
/// Worker hosts on one schema sharing one fake clock and one recording sink, with a rule over the <c>flaky</c>
/// workflow (above 50 %, 10 minutes, at least 10 runs; evaluated every 30 s), and finished runs written straight into the table.
/// </summary>
public sealed class AlertFixture
{
    public const string Rule = "flaky-failing";
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public string Schema { get; } = TestDatabase.NewSchema();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public RecordingAlertSink Sink { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public IReadOnlyList<AlertNotice> Notices => Sink.Notices;

    public Task<WorkerHost> HostAsync(Action<IServiceCollection>? services = null, Action<AlertRule>? rule = null) =>
        WorkerHost.StartAsync(
            Schema,
            s =>
            {
                s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs).AddSingleton<TimeProvider>(Clock).AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>();
                services?.Invoke(s);
                s.AddSingleton<IAlertSink>(Sink);
                s.Configure<InquirOptions>(o =>
                {
                    var alert = new AlertRule { Workflow = "flaky", ThresholdPercent = 50, Window = Window, MinimumCount = 10 };
                    rule?.Invoke(alert);
                    o.Alerts.Add(Rule, alert);
                    o.Alerting.EvaluationInterval = Interval;
                });
            },
            w => w.LeaseDuration = TimeSpan.FromHours(1));

    /// <summary>Writes runs of <c>flaky</c> that finished a minute ago: <paramref name="failed"/> failed, <paramref name="succeeded"/> succeeded.</summary>
    public async Task FinishRunsAsync(int failed, int succeeded, string error = "downstream returned 503")
    {
        var completed = Clock.GetUtcNow().AddMinutes(-1);
        await using var connection = await TestDatabase.OpenAsync();
        await connection.ExecuteAsync(
            $"""
            INSERT INTO "{Schema}".runs (id, workflow, status, step_name, input, error, created_at, updated_at, completed_at)
            VALUES (@Id, 'flaky', @Status, 'Work', '1', @Error, @Completed, @Completed, @Completed)
            """,
            Enumerable.Range(0, failed).Select(_ => new { Id = Guid.NewGuid(), Status = "failed", Error = (string?)error, Completed = completed })
                .Concat(Enumerable.Range(0, succeeded).Select(_ => new { Id = Guid.NewGuid(), Status = "succeeded", Error = (string?)null, Completed = completed })));
    }

    /// <summary>Writes one run of <c>flaky</c> with attempts of its step <c>Work</c> that started a minute ago.</summary>
    public async Task AttemptAsync(int failed, int succeeded, string error = "timeout talking to the bank")
    {
        var started = Clock.GetUtcNow().AddMinutes(-1);
        var run = Guid.NewGuid();
        await using var connection = await TestDatabase.OpenAsync();
        await connection.ExecuteAsync(
            $"""
            INSERT INTO "{Schema}".runs (id, workflow, status, step_name, input, created_at, updated_at, completed_at)
            VALUES (@run, 'flaky', 'succeeded', 'Work', '1', @started, @started, @started)
            """,
            new { run, started });
        await connection.ExecuteAsync(
            $"""
            INSERT INTO "{Schema}".attempts (run_id, step_index, step_name, attempt, started_at, duration_ms, outcome, error_type, error_message)
            VALUES (@run, 0, 'Work', @Attempt, @started, 5, @Outcome, @ErrorType, @Error)
            """,
            Enumerable.Range(1, failed + succeeded).Select(i => new
            {
                run,
                started,
                Attempt = i,
                Outcome = i <= failed ? "failed" : "succeeded",
                ErrorType = i <= failed ? "System.TimeoutException" : null,
                Error = i <= failed ? error : null,
            }));
    }

    /// <summary>Moves the clock on and waits until a host evaluated the rules at the new time.</summary>
    public async Task AdvanceAndEvaluateAsync(WorkerHost host, TimeSpan by)
    {
        Clock.Advance(by);
        await EvaluatedAsync(host);
    }

    /// <summary>Waits until a host evaluated the rules at the clock's present time; a timeout shows what the hosts logged.</summary>
    public async Task<AlertInfo> EvaluatedAsync(WorkerHost host)
    {
        var now = Clock.GetUtcNow();
        AlertInfo? info = null;
        try
        {
            await Eventually.TrueAsync(
                async () => (info = (await host.Services.GetRequiredService<IWorkflowAlerts>().ListAsync()).SingleOrDefault())?.LastEvaluatedAt >= now,
                $"an evaluation at {now:O}");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + "; the hosts logged:\n" + string.Join("\n", Logs.Entries), e);
        }

        return info!;
    }

    /// <summary>A host whose first evaluation has stored the rule, so that runs can be written into its schema.</summary>
    public async Task<WorkerHost> EvaluatingHostAsync(Action<IServiceCollection>? services = null, Action<AlertRule>? rule = null)
    {
        var host = await HostAsync(services, rule);
        await EvaluatedAsync(host);
        return host;
    }

    public Task NoticesAsync(int count) => Eventually.TrueAsync(() => Task.FromResult(Sink.Notices.Count >= count), $"{count} alert notices");
}

using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Store;
using Inquir.Typed.Tests.Store.Contract;
using Inquir.Typed.Tests.Workflows;
using Inquir.Typed.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>A step runs twice only when its worker died: leases are decided by token, and a worker that cannot renew stops first.</summary>
public abstract class LeaseOwnershipTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task A_run_claimed_again_by_the_same_worker_cancels_the_attempt_of_the_earlier_claim()
    {
        var probe = new LeaseProbe();
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddSingleton(probe).AddWorkflow<HoldWorkflow>());
        var run = await host.Client.StartHoldWorkflowAsync(1);
        await probe.Arrived(1).WaitAsync(Eventually.Limit);

        // A renewal that came late: the lease ran out in the database, and this same worker's rescuer and claim take the run again.
        await Database.History.ExpireLeaseAsync(run.Id);
        await probe.Arrived(2).WaitAsync(Eventually.Limit);

        await probe.Cancelled(1).WaitAsync(Eventually.Limit);
        Assert.False(probe.WasCancelled(2));
        probe.Release(2);
        Assert.Equal(4, await run.WaitAsync(Eventually.Limit));
        Assert.Equal(1, probe.AfterExecutions);
        var history = Database.History;
        Assert.Equal(2, Assert.Single(await history.CheckpointsAsync(run.Id), c => c.StepIndex == 0).Attempt);
        Assert.Equal(["abandoned", "succeeded"], (await history.AttemptsAsync(run.Id)).Where(a => a.StepName == "Hold").Select(a => a.Outcome));
    }

    [Fact]
    public async Task A_renewal_that_read_an_earlier_claim_does_not_cancel_the_later_claim_of_the_same_run()
    {
        await using var db = Store == TestStore.Postgres ? await Stores.PostgresAsync() : await Stores.SqliteAsync();
        var time = new FakeTimeProvider(StoreSteps.T0);
        var store = new GatedRenewalStore(db.Runs);
        var inFlight = new InFlightRuns(time, TimeSpan.FromSeconds(30));
        var keeper = new LeaseKeeper(store, inFlight, time, new DatabaseClock(time), TimeSpan.FromSeconds(30), NullLogger.Instance);
        await StoreSteps.StartAsync(db.Runs);
        var first = await StoreSteps.ClaimOneAsync(db.Runs, "me", StoreSteps.T0);
        var firstLease = inFlight.Track(first.Held, time.GetTimestamp());

        // The renewal reads the first claim from the in-flight runs; the step fails with no retry delay; the
        // renewal's statement then finds the run pending; before its reply is handled the run is claimed again.
        var renewal = keeper.RenewOnceAsync(default);
        await store.RenewalCalled.WaitAsync(Eventually.Limit);
        var failure = StoreSteps.Success(first, "0") with { Outcome = AttemptOutcome.Failed, Output = null, NextStatus = RunStatus.Pending, NextStepName = null, RetryDelay = TimeSpan.Zero };
        Assert.Single(await db.Runs.CompleteAsync(new CompleteStepsRequest([failure], Worker: "me", Now: StoreSteps.T0, Notify: false), default));
        firstLease.Dispose();
        store.Execute();
        Assert.Empty(await store.Renewed.WaitAsync(Eventually.Limit));
        var second = await StoreSteps.ClaimOneAsync(db.Runs, "me", StoreSteps.T0);
        using var secondLease = inFlight.Track(second.Held, time.GetTimestamp());
        store.Reply();
        await renewal;

        Assert.False(secondLease.IsLost);
        Assert.Equal([second.Held], inFlight.Held);
    }

    [Fact]
    public async Task A_renewal_that_no_longer_finds_a_run_because_its_last_step_just_committed_reports_no_lost_lease()
    {
        var probe = new LeaseProbe();
        var logs = new CapturedLogs();
        RenewalMeetsCommitStore? store = null;
        await using var host = await WorkerHost.StartAsync(
            Database,
            s => s.AddSingleton(probe).AddWorkflow<HoldWorkflow>().AddLogging(l => l.AddProvider(logs))
                .DecorateRunStore(inner => store = new RenewalMeetsCommitStore(inner)),
            w => w.LeaseDuration = TimeSpan.FromSeconds(15));
        var run = await host.Client.StartHoldWorkflowAsync(1);
        await probe.Arrived(1).WaitAsync(Eventually.Limit);

        probe.Release(1);

        Assert.Equal(4, await run.WaitAsync(Eventually.Limit));
        Assert.True(store!.Met, "no renewal read the run before its last step committed");
        Assert.Empty(await store.RenewedAfterCommit);
        Assert.DoesNotContain(logs.Entries, e => e.Contains("Lost the lease", StringComparison.Ordinal) || e.Contains("taken over", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_worker_that_cannot_renew_stops_its_step_before_the_lease_can_expire()
    {
        var probe = new LeaseProbe();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
        FailingRenewalStore? store = null;
        await using var host = await WorkerHost.StartAsync(
            Database,
            s => s.AddSingleton(probe).AddSingleton<TimeProvider>(time).AddWorkflow<HoldWorkflow>()
                .DecorateRunStore(inner => store = new FailingRenewalStore(inner)),
            w => w.LeaseDuration = TimeSpan.FromSeconds(30));
        await host.Client.StartHoldWorkflowAsync(1);
        await WakeAsync(time, probe.Arrived(1));
        store!.Failing = true;

        var elapsed = TimeSpan.Zero;
        while (!probe.WasCancelled(1) && elapsed < TimeSpan.FromSeconds(30))
        {
            time.Advance(TimeSpan.FromSeconds(1));
            elapsed += TimeSpan.FromSeconds(1);
            await Task.WhenAny(probe.Cancelled(1), Task.Delay(300));
        }

        // A step still held would keep the host from stopping: the shutdown grace period runs on the fake clock.
        probe.Release(1);
        Assert.True(probe.WasCancelled(1), "the step was not cancelled although its lease could no longer be renewed");
        Assert.InRange(elapsed, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(29));
    }

    [Fact]
    public async Task A_completion_whose_commit_reply_was_lost_is_neither_run_again_nor_counted_as_abandoned()
    {
        var probe = new LeaseProbe();
        probe.Release(1);
        await using var host = await WorkerHost.StartAsync(
            Database,
            s => s.AddSingleton(probe).AddWorkflow<HoldWorkflow>()
                .DecorateRunStore(inner => new LostReplyStore(inner)));

        var run = await host.Client.StartHoldWorkflowAsync(1);

        Assert.Equal(4, await run.WaitAsync(Eventually.Limit));
        Assert.Equal(1, probe.AfterExecutions);
        Assert.Equal(["succeeded", "succeeded"], (await Database.History.AttemptsAsync(run.Id)).Select(a => a.Outcome));
    }

    [Fact]
    public async Task Steps_abandoned_after_their_timeout_beyond_the_worker_s_concurrency_count_against_its_slots()
    {
        var stubborn = new StubbornStep();

        // All four runs wait before the worker starts, so that it takes them before any retry (claims go oldest first).
        var runs = new List<WorkflowRun<string>>();
        await using (var producer = await WorkerHost.StartAsync(Database, s => s.AddSingleton(stubborn).AddWorkflow<StubbornWorkflow>(), w => w.Enabled = false))
        {
            for (var i = 0; i < 4; i++)
            {
                runs.Add(await producer.Client.StartStubbornWorkflowAsync(i));
            }
        }

        await using var host = await WorkerHost.StartAsync(
            Database,
            s => s.AddSingleton(stubborn).AddWorkflow<StubbornWorkflow>(),
            w =>
            {
                w.Concurrency = 2;
                w.TimeoutGracePeriod = TimeSpan.FromMilliseconds(100);
            });
        runs = runs.Select(r => new WorkflowRun<string>(host.Client, r.Id, false, StubbornWorkflow.InquirDescriptor.ResultSerializer)).ToList();

        var history = Database.History;
        await Eventually.TrueAsync(async () => await history.CountAsync("attempts", "outcome = 'timed_out'") == 4, "four blocked attempts to be abandoned");

        // Four abandoned attempts still block their threads, twice the concurrency: nothing else may start until they end.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(4, stubborn.Started);

        stubborn.Release();
        foreach (var run in runs)
        {
            await run.WaitAsync(Eventually.Limit);
        }
    }

    // Advances fake time in small steps until the task ends: the worker's claim loop polls on the fake clock.
    private static async Task WakeAsync(FakeTimeProvider time, Task task)
    {
        var deadline = DateTime.UtcNow + Eventually.Limit;
        while (!task.IsCompleted && DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromMilliseconds(200));
            await Task.WhenAny(task, Task.Delay(50));
        }

        await task;
    }

    // Holds a renewal before its statement runs, and again before its reply reaches the worker.
    private sealed class GatedRenewalStore(IRunStore inner) : DelegatingRunStore(inner)
    {
        private readonly TaskCompletionSource _called = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _execute = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<IReadOnlySet<HeldRun>> _renewed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task RenewalCalled => _called.Task;

        public Task<IReadOnlySet<HeldRun>> Renewed => _renewed.Task;

        public void Execute() => _execute.TrySetResult();

        public void Reply() => _reply.TrySetResult();

        public override async Task<IReadOnlySet<HeldRun>> RenewLeasesAsync(RenewLeasesRequest request, CancellationToken cancellationToken)
        {
            _called.TrySetResult();
            await _execute.Task;
            var renewed = await base.RenewLeasesAsync(request, cancellationToken);
            _renewed.TrySetResult(renewed);
            await _reply.Task;
            return renewed;
        }
    }

    // Holds the run's last commit until a lease renewal has read the run, and that renewal's statement until the
    // commit is in, and the commit's reply until the renewal's reply is on its way: the renewal no longer finds the
    // run it read, while the worker still holds it.
    private sealed class RenewalMeetsCommitStore(IRunStore inner) : DelegatingRunStore(inner)
    {
        private readonly TaskCompletionSource _renewalRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<IReadOnlySet<HeldRun>> _renewalAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _lastCommitWaiting;

        public bool Met => _renewalAnswered.Task.IsCompleted;

        public Task<IReadOnlySet<HeldRun>> RenewedAfterCommit => _renewalAnswered.Task;

        public override async Task<IReadOnlySet<Guid>> CompleteAsync(CompleteStepsRequest request, CancellationToken cancellationToken)
        {
            if (!request.Completions.Any(c => c.NextStatus == RunStatus.Succeeded))
            {
                return await base.CompleteAsync(request, cancellationToken);
            }

            _lastCommitWaiting = true;
            await _renewalRead.Task.WaitAsync(Eventually.Limit);
            var committed = await base.CompleteAsync(request, cancellationToken);
            _committed.TrySetResult();
            await _renewalAnswered.Task.WaitAsync(Eventually.Limit);
            return committed;
        }

        public override async Task<IReadOnlySet<HeldRun>> RenewLeasesAsync(RenewLeasesRequest request, CancellationToken cancellationToken)
        {
            if (!_lastCommitWaiting || _renewalRead.Task.IsCompleted)
            {
                return await base.RenewLeasesAsync(request, cancellationToken);
            }

            _renewalRead.TrySetResult();
            await _committed.Task.WaitAsync(Eventually.Limit);
            var renewed = await base.RenewLeasesAsync(request, cancellationToken);
            _renewalAnswered.TrySetResult(renewed);
            return renewed;
        }
    }

    private sealed class FailingRenewalStore(IRunStore inner) : DelegatingRunStore(inner)
    {
        public volatile bool Failing;

        public override Task<IReadOnlySet<HeldRun>> RenewLeasesAsync(RenewLeasesRequest request, CancellationToken cancellationToken) =>
            Failing ? throw new NpgsqlException("the database is unreachable") : base.RenewLeasesAsync(request, cancellationToken);
    }

    // The first completion commits, but its reply never arrives: PostgreSQL restarted after the WAL flush.
    private sealed class LostReplyStore(IRunStore inner) : DelegatingRunStore(inner)
    {
        private int _writes;

        public override async Task<IReadOnlySet<Guid>> CompleteAsync(CompleteStepsRequest request, CancellationToken cancellationToken)
        {
            var committed = await base.CompleteAsync(request, cancellationToken);
            return Interlocked.Increment(ref _writes) == 1 ? throw new NpgsqlException("the connection was closed before the reply arrived") : committed;
        }
    }
}

public sealed class PostgresLeaseOwnershipTests() : LeaseOwnershipTests(TestStore.Postgres);

public sealed class SqliteLeaseOwnershipTests() : LeaseOwnershipTests(TestStore.Sqlite);

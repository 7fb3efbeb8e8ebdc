using Dapper;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

public abstract class LeaseRenewalTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task A_step_that_runs_for_many_lease_durations_keeps_its_run_because_the_worker_renews_the_lease()
    {
        var log = new StepLog();
        var gate = new StepGate();
        void Services(IServiceCollection s) => s.AddSingleton(log).AddSingleton(gate).AddWorkflow<GateWorkflow>();

        // A second worker with a rescuer looks on: without renewals it would hand the run back and run the step again.
        // The lease is a few seconds, not one: on a loaded 2-core machine a renewal can be late by a second or more.
        var lease = TimeSpan.FromSeconds(4);
        await using var holder = await WorkerHost.StartAsync(Database, Services, w => w.LeaseDuration = lease);
        await using var onlooker = await WorkerHost.StartAsync(Database, Services, w => w.LeaseDuration = lease);
        var run = await holder.Client.StartGateWorkflowAsync(1);
        await gate.Arrived.WaitAsync(Eventually.Limit);

        var first = await Database.History.LeaseExpiryAsync(run.Id);
        await Eventually.TrueAsync(async () => await Database.History.LeaseExpiryAsync(run.Id) > first + 3 * lease, "the lease to be renewed past three lease durations");
        gate.Open();

        Assert.Equal(25, await run.WaitAsync(Eventually.Limit));
        Assert.Equal(1, log.Executions(run.Id, "Second"));
        Assert.All(await Database.History.AttemptsAsync(run.Id), a => Assert.Equal("succeeded", a.Outcome));
    }
}

public sealed class PostgresLeaseRenewalTests() : LeaseRenewalTests(TestStore.Postgres);

public sealed class SqliteLeaseRenewalTests() : LeaseRenewalTests(TestStore.Sqlite);

using Inquir.Typed.SideBySide.Systems;

namespace Inquir.Typed.SideBySide.Hangfire;

/// <summary>Hangfire + Hangfire.PostgreSql with the given number of workers.</summary>
public sealed record HangfireUnderTest(int Workers) : SystemUnderTest($"Hangfire ({Workers} workers)", IsHangfire: true)
{
    // Measured 2026-12-07 on two cores: with 8 workers 200 pipelines from 64 starters took 38 s (16 steps/s) and 200
    // jobs 38 s (5 steps/s); with 16 workers the starts failed on Npgsql's 30 s command timeout. The whole run has to
    // fit in 15 minutes, and the 64-starter workloads compare Inquir.Typed with the peers that are close to it.
    public override bool TakesManyStarters => false;

    public override Task<IJobSystem> CreateAsync(string connectionString, string schema) =>
        Task.FromResult<IJobSystem>(new HangfireSystem(connectionString, schema, Workers));
}

using Inquir.Typed.SideBySide.Systems;

namespace Inquir.Typed.SideBySide.Hangfire;

/// <summary>Hangfire + Hangfire.PostgreSql with the given number of workers.</summary>
public sealed record HangfireUnderTest(int Workers) : SystemUnderTest($"Hangfire ({Workers} workers)", IsHangfire: true)
{
    public override Task<IJobSystem> CreateAsync(string connectionString, string schema) =>
        Task.FromResult<IJobSystem>(new HangfireSystem(connectionString, schema, Workers));
}

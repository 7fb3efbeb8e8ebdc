using Inquir.Typed.SideBySide.Systems;

namespace Inquir.Typed.SideBySide.Inquir;

/// <summary>Inquir.Typed with default options, or with the worker's <c>Concurrency</c> set.</summary>
public sealed record InquirUnderTest(int? Concurrency)
    : SystemUnderTest(Concurrency is { } n ? $"Inquir.Typed (Concurrency {n})" : "Inquir.Typed (defaults)", IsHangfire: false)
{
    public override bool HasFlowControl => true;

    public override async Task<IJobSystem> CreateAsync(string connectionString, string schema)
    {
        var system = new InquirSystem(connectionString, schema, Concurrency);
        await system.InitializeAsync();
        return system;
    }
}

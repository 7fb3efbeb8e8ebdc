using Inquir.Typed.SideBySide.Systems;

namespace Inquir.Typed.SideBySide.Inquir;

/// <summary>Inquir.Typed on SQLite (a temp file per workload, SQLite's default WAL settings), with default options or <c>Concurrency</c> set.</summary>
public sealed record InquirSqliteUnderTest(int? Concurrency)
    : SystemUnderTest(Concurrency is { } n ? $"Inquir.Typed on SQLite (Concurrency {n})" : "Inquir.Typed on SQLite (defaults)", IsHangfire: false)
{
    /// <summary>The name <c>--systems</c> selects it by.</summary>
    public const string Key = "inquir-sqlite";

    public static readonly SystemUnderTest[] All = [new InquirSqliteUnderTest(Concurrency: null), new InquirSqliteUnderTest(16)];

    /// <summary>SQLite's work is not in PostgreSQL's statistics.</summary>
    public override bool CountsPostgresWork => false;

    public override bool HasFlowControl => true;

    public override async Task<IJobSystem> CreateAsync(string connectionString, string schema)
    {
        var system = new InquirSqliteSystem(Path.Combine(Path.GetTempPath(), $"inquir-side-by-side-{schema}.db"), Concurrency);
        await system.InitializeAsync();
        return system;
    }
}

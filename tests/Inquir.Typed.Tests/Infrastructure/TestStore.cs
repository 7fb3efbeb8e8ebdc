namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>The stores the worker-level tests run on: each such test class runs once per store.</summary>
public enum TestStore
{
    /// <summary>A fresh schema of the test run's PostgreSQL.</summary>
    Postgres,

    /// <summary>A fresh SQLite file.</summary>
    Sqlite,
}

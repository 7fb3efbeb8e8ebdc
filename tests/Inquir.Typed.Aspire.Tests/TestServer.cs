namespace Inquir.Typed.Aspire.Tests;

/// <summary>The throwaway PostgreSQL that scripts/test.sh starts, and a schema per test so tests share it.</summary>
internal static class TestServer
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("INQUIR_TEST_CONNECTION")
        ?? throw new InvalidOperationException("INQUIR_TEST_CONNECTION is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL and sets it.");

    public static string NewSchema() => "aspire_" + Guid.NewGuid().ToString("N")[..12];

    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
}

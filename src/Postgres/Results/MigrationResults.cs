using Inquir.Typed.Storage;

namespace Inquir.Typed.Postgres;

/// <summary>The migrator's results, read by column name (<see cref="ResultReader{T}"/>).</summary>
internal static class MigrationResults
{
    /// <summary><c>FindInvalidIndexes.sql</c>: each invalid index as a quoted, schema-qualified name.</summary>
    public static readonly ResultReader<string> FindInvalidIndexes = ResultReading.Column<string>("index_name");
}

using System.Data.Common;

namespace Inquir.Typed.Storage;

/// <summary>
/// What a store reads of one result of one of its SQL files: the columns its <see cref="ResultReader{T}"/> looks up
/// by name, or only the rows. Each store lists these per file (its <c>StatementResults</c>), and a test checks every
/// file against the columns the database says the statement returns.
/// </summary>
internal sealed class ReadResult
{
    private ReadResult(Action<DbDataReader>? resolve) => Resolve = resolve;

    /// <summary>A result whose rows are counted or only seen: no column is read.</summary>
    public static ReadResult RowsOnly { get; } = new(null);

    /// <summary>Looks up, over a result, every column the reader reads; null for <see cref="RowsOnly"/>.</summary>
    public Action<DbDataReader>? Resolve { get; }

    /// <summary>A result read by <paramref name="reader"/>.</summary>
    public static ReadResult Columns<T>(ResultReader<T> reader) => new(result => reader(result));
}

using System.Data.Common;

namespace Inquir.Typed.Storage;

/// <summary>
/// How one result of a statement is read: given the result, it looks up the ordinals of the columns it reads by
/// name, once per result (<see cref="ResultReading.Ordinal"/>), and returns the function that reads a row with them.
/// So a reordered <c>RETURNING</c> cannot swap two fields, and a renamed or dropped column fails, naming it.
/// </summary>
internal delegate Func<DbDataReader, T> ResultReader<T>(DbDataReader result);

using System.Collections;
using System.Data.Common;

namespace Inquir.Typed.Tests.Store.ResultColumns;

/// <summary>
/// A result that has only column names, the ones the database said a statement returns: a store's reader resolves
/// its columns over it, and it records every name the reader looked up, and those it does not have. A name it does
/// not have is answered as if it had it, so that one missing column does not hide the next.
/// </summary>
internal sealed class ColumnNamesReader(IReadOnlyList<string> names) : DbDataReader
{
    public List<string> LookedUp { get; } = [];

    public List<string> Missing { get; } = [];

    public override int FieldCount => names.Count;

    public override int Depth => 0;

    public override bool HasRows => false;

    public override bool IsClosed => false;

    public override int RecordsAffected => -1;

    public override object this[int ordinal] => throw new NotSupportedException();

    public override object this[string name] => throw new NotSupportedException();

    public override string GetName(int ordinal) => ordinal < names.Count ? names[ordinal] : Missing[ordinal - names.Count];

    public override int GetOrdinal(string name)
    {
        LookedUp.Add(name);
        var ordinal = names.ToList().IndexOf(name);
        if (ordinal >= 0)
        {
            return ordinal;
        }

        Missing.Add(name);
        return names.Count + Missing.Count - 1;
    }

    public override bool GetBoolean(int ordinal) => throw new NotSupportedException();

    public override byte GetByte(int ordinal) => throw new NotSupportedException();

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override char GetChar(int ordinal) => throw new NotSupportedException();

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override string GetDataTypeName(int ordinal) => throw new NotSupportedException();

    public override DateTime GetDateTime(int ordinal) => throw new NotSupportedException();

    public override decimal GetDecimal(int ordinal) => throw new NotSupportedException();

    public override double GetDouble(int ordinal) => throw new NotSupportedException();

    public override Type GetFieldType(int ordinal) => throw new NotSupportedException();

    public override float GetFloat(int ordinal) => throw new NotSupportedException();

    public override Guid GetGuid(int ordinal) => throw new NotSupportedException();

    public override short GetInt16(int ordinal) => throw new NotSupportedException();

    public override int GetInt32(int ordinal) => throw new NotSupportedException();

    public override long GetInt64(int ordinal) => throw new NotSupportedException();

    public override string GetString(int ordinal) => throw new NotSupportedException();

    public override object GetValue(int ordinal) => throw new NotSupportedException();

    public override int GetValues(object[] values) => throw new NotSupportedException();

    public override bool IsDBNull(int ordinal) => throw new NotSupportedException();

    public override bool NextResult() => false;

    public override bool Read() => false;

    public override IEnumerator GetEnumerator() => throw new NotSupportedException();
}

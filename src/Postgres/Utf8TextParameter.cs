using System.Data;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Inquir.Typed.Postgres;

/// <summary>
/// UTF-8 text bound through Dapper from its bytes: Npgsql writes a <c>byte[]</c> given as <c>text</c> as it is, so
/// the payload never becomes a string on its way to the server (the SQL casts it to <c>jsonb</c>). Dapper alone would
/// bind a <c>byte[]</c> as <c>bytea</c>, which does not cast to <c>jsonb</c>.
/// </summary>
internal sealed class Utf8TextParameter(byte[] utf8) : SqlMapper.ICustomQueryParameter
{
    public void AddParameter(IDbCommand command, string name) =>
        command.Parameters.Add(new NpgsqlParameter<byte[]>(name, NpgsqlDbType.Text) { TypedValue = utf8 });
}

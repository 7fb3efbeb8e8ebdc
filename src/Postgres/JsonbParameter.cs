using System.Data;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Inquir.Typed.Postgres;

/// <summary>
/// UTF-8 JSON bound as <c>jsonb</c> through Dapper: Npgsql writes the bytes as they are (it takes <c>byte[]</c> for
/// <c>jsonb</c>), so the payload never becomes a string on its way to the server. Dapper alone would bind a
/// <c>byte[]</c> as <c>bytea</c>, which does not cast to <c>jsonb</c>.
/// </summary>
internal sealed class JsonbParameter(byte[] utf8) : SqlMapper.ICustomQueryParameter
{
    public void AddParameter(IDbCommand command, string name) =>
        command.Parameters.Add(new NpgsqlParameter<byte[]>(name, NpgsqlDbType.Jsonb) { TypedValue = utf8 });
}

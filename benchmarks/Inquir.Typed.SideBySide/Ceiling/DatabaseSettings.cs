using Npgsql;

namespace Inquir.Typed.SideBySide.Ceiling;

/// <summary>The server settings that decide what a commit costs; a figure means little without them.</summary>
public static class DatabaseSettings
{
    private static readonly string[] Names =
    [
        "server_version", "fsync", "synchronous_commit", "full_page_writes", "wal_sync_method", "shared_buffers",
        "max_wal_size", "checkpoint_timeout", "max_connections",
    ];

    public static async Task<IReadOnlyList<(string Name, string Value)>> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand(
            "SELECT name, current_setting(name) FROM pg_settings WHERE name = ANY (@names)", connection);
        read.Parameters.AddWithValue("names", Names);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var rows = await read.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            settings[rows.GetString(0)] = rows.GetString(1);
        }

        return Names.Where(settings.ContainsKey).Select(n => (n, settings[n])).ToList();
    }
}

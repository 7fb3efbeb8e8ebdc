namespace Inquir.Typed.Testing;

/// <summary>
/// A SQLite file of one test host in the temp folder, deleted with its WAL and shared-memory files on dispose. A
/// file rather than an in-memory database: the store opens a connection per operation with WAL and
/// <c>BEGIN IMMEDIATE</c>, which a shared-cache in-memory database answers with table locks instead of waiting.
/// </summary>
internal sealed class TemporaryDatabaseFile
{
    public TemporaryDatabaseFile() => Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"inquir-test-{Guid.NewGuid():N}.db");

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path}";

    public void Delete()
    {
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm", Path + "-journal" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A file still open elsewhere stays in the temp folder; the test's outcome does not depend on it.
            }
        }
    }
}

namespace Inquir.Typed.Tests.Store;

/// <summary>The checkout the tests run from, for the tests that read the repository's files (docs and SQL).</summary>
internal static class Repository
{
    /// <summary>The folder holding Inquir.Typed.sln, found above the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Inquir.Typed.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Inquir.Typed.sln was not found above {AppContext.BaseDirectory}.");
    }
}

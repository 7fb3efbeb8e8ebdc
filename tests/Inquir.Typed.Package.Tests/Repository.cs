namespace Inquir.Typed.Package.Tests;

/// <summary>The checkout the tests run from.</summary>
internal static class Repository
{
    /// <summary>The folder holding Inquir.Typed.sln, found upwards from the test assembly.</summary>
    public static string Root()
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

using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace Inquir.Typed.Package.Tests;

/// <summary>
/// Packs Inquir.Typed and Inquir.Typed.Postgres, builds a fresh console project outside the solution that references
/// only those packages, and runs its two-step workflow against the test PostgreSQL.
/// </summary>
public sealed class PackageConsumerTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("inquir-package-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task A_project_that_references_only_the_package_gets_the_generated_starter_and_runs_a_workflow()
    {
        var connectionString = Environment.GetEnvironmentVariable("INQUIR_TEST_CONNECTION")
            ?? throw new InvalidOperationException("INQUIR_TEST_CONNECTION is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL and sets it.");
        var package = await PackAsync("Inquir.Typed", Path.Combine("src", "Runtime", "Inquir.Typed.csproj"));
        var postgres = await PackAsync("Inquir.Typed.Postgres", Path.Combine("src", "Postgres", "Inquir.Typed.Postgres.csproj"));

        using (var archive = ZipFile.OpenRead(package.Path))
        {
            var entries = archive.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("lib/net10.0/Inquir.Typed.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Inquir.Typed.Generators.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Inquir.Typed.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Inquir.Typed.CodeFixes.dll", entries);
            Assert.DoesNotContain("lib/net10.0/Inquir.Typed.Postgres.dll", entries);

            // The core carries no database driver: each store's package brings its own.
            var dependencies = Dependencies(archive);
            Assert.DoesNotContain("Npgsql", dependencies.Keys);
            Assert.DoesNotContain("Dapper", dependencies.Keys);
        }

        using (var archive = ZipFile.OpenRead(postgres.Path))
        {
            var entries = archive.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("lib/net10.0/Inquir.Typed.Postgres.dll", entries);
            Assert.DoesNotContain("lib/net10.0/Inquir.Typed.dll", entries);

            var dependencies = Dependencies(archive);
            Assert.Equal(package.Version, dependencies["Inquir.Typed"]);
            Assert.Contains("Npgsql", dependencies.Keys);
            Assert.Contains("Dapper", dependencies.Keys);
        }

        var consumer = CreateConsumer(Path.GetDirectoryName(package.Path)!);
        var build = await DotnetCli.RunAsync(consumer, "build", "-c", "Release", $"-p:InquirTypedVersion={package.Version}", $"-p:RestorePackagesPath={Path.Combine(_work, "packages")}");
        output.WriteLine(build.Output);
        Assert.True(build.ExitCode == 0, "the consumer did not build:\n" + build.Output);
        Assert.Contains("warning INQ2001", build.Output);

        var schema = "pkg_" + Guid.NewGuid().ToString("N")[..12];
        var run = await DotnetCli.RunAsync(consumer, Path.Combine(consumer, "bin", "Release", "net10.0", "PackageConsumer.dll"), connectionString, schema);
        output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, "the consumer failed:\n" + run.Output);
        Assert.Contains("result: Hello, Ada Lovelace! (Greet, key ", run.Output);
    }

    private async Task<(string Path, string Version)> PackAsync(string id, string project)
    {
        var repository = Repository.Root();
        var configuration = typeof(PackageConsumerTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var feed = Path.Combine(_work, "feed");
        var before = Directory.Exists(feed) ? Directory.GetFiles(feed, "*.nupkg") : [];

        // The solution build has already compiled the runtime, the stores, the generator and the analyzers for this configuration.
        var pack = await DotnetCli.RunAsync(repository, "pack", project, "-c", configuration, "--no-build", "-o", feed);
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);

        var path = Assert.Single(Directory.GetFiles(feed, "*.nupkg").Except(before));
        var version = Path.GetFileNameWithoutExtension(path)[(id.Length + 1)..];
        Assert.Equal($"{id}.{version}.nupkg", Path.GetFileName(path));
        return (path, version);
    }

    /// <summary>The package's dependencies from its .nuspec, by id, with their versions.</summary>
    private static Dictionary<string, string> Dependencies(ZipArchive archive)
    {
        var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        return XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!, StringComparer.Ordinal);
    }

    private string CreateConsumer(string feed)
    {
        var consumer = Path.Combine(_work, "consumer");
        Directory.CreateDirectory(consumer);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Consumer")))
        {
            File.Copy(file, Path.Combine(consumer, Path.GetFileName(file)));
        }

        // The machine's own package sources stay in force; the freshly packed feed is added to them.
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="inquir-packed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        return consumer;
    }
}

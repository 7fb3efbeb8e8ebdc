using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inquir.Typed.Analyzers.Tests;

/// <summary>Every diagnostic the analyzers can report has a help page, and its help link points at that page.</summary>
public class DiagnosticHelpPageTests
{
    public static TheoryData<string> DiagnosticIds()
    {
        var ids = new TheoryData<string>();
        foreach (var descriptor in AllDescriptors())
        {
            ids.Add(descriptor.Id);
        }

        return ids;
    }

    [Fact]
    public void Analyzer_assembly_exposes_diagnostics() =>
        Assert.NotEmpty(AllDescriptors());

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void Every_diagnostic_has_a_help_page(string id) =>
        Assert.True(File.Exists(Path.Combine(RepositoryRoot(), "docs", "diagnostics", id + ".md")), $"docs/diagnostics/{id}.md is missing");

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void Every_diagnostic_links_to_its_help_page(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);
        Assert.EndsWith($"docs/diagnostics/{id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void Every_diagnostic_id_is_in_an_analyzer_range(string id)
    {
        var number = int.Parse(id["INQ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(number is (>= 1050 and <= 1099) or (>= 2001 and <= 2099) or (>= 3001 and <= 3099), $"{id} is outside the analyzers' id ranges");
    }

    public static TheoryData<string> FixableIds()
    {
        var ids = new TheoryData<string>();
        foreach (var id in AllCodeFixes().SelectMany(fix => fix.FixableDiagnosticIds).Distinct())
        {
            ids.Add(id);
        }

        return ids;
    }

    [Fact]
    public void Code_fix_assembly_exposes_code_fixes() =>
        Assert.NotEmpty(AllCodeFixes());

    [Theory]
    [MemberData(nameof(FixableIds))]
    public void Every_fixable_id_is_an_analyzer_diagnostic_with_a_help_page(string id)
    {
        Assert.Contains(AllDescriptors(), descriptor => descriptor.Id == id);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot(), "docs", "diagnostics", id + ".md")), $"docs/diagnostics/{id}.md is missing");
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void Every_diagnostic_is_in_the_release_tracking_file(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);
        var releases = File.ReadAllLines(Path.Combine(RepositoryRoot(), "src", "Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains(releases, line => line.StartsWith($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", StringComparison.Ordinal));
    }

    /// <summary>Every analyzer descriptor, one per id.</summary>
    public static List<DiagnosticDescriptor> AllDescriptors() =>
        typeof(Definitions.WorkflowClassMustBePartialAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            .DistinctBy(descriptor => descriptor.Id)
            .ToList();

    private static List<CodeFixProvider> AllCodeFixes() =>
        typeof(Inquir.Typed.CodeFixes.Definitions.WorkflowClassMustBePartialCodeFix).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type))
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
            .ToList();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Inquir.Typed.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No folder above " + AppContext.BaseDirectory + " holds Inquir.Typed.sln.");
    }
}

using Microsoft.CodeAnalysis;
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

    private static List<DiagnosticDescriptor> AllDescriptors() =>
        typeof(Definitions.WorkflowClassMustBePartialAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            .DistinctBy(descriptor => descriptor.Id)
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

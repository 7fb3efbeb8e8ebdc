using System.Reflection;
using Inquir.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Generators.Tests;

/// <summary>
/// The generator's records are what its pipeline stages hold. None of them may hold a symbol, a compilation, a syntax
/// node or a location, anywhere in its fields: such a value keeps a whole compilation alive and never compares equal
/// across runs, so every stage after it would re-run on every keystroke.
/// </summary>
public class PipelineModelTests
{
    private static readonly Type[] Forbidden =
        [typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(Location), typeof(SyntaxTree), typeof(SemanticModel)];

    private static readonly Assembly Generator = typeof(WorkflowGenerator).Assembly;

    /// <summary>Every record type of the generator: each has the compiler's <c>EqualityContract</c>.</summary>
    private static IEnumerable<Type> Records() => Generator.GetTypes().Where(t =>
        t.GetProperty("EqualityContract", BindingFlags.Instance | BindingFlags.NonPublic) is { } contract && contract.DeclaringType == t);

    [Fact]
    public void The_walk_finds_the_models_of_every_stage()
    {
        var records = Records().ToList();

        Assert.Contains(typeof(WorkflowParseResult), records);
        Assert.Contains(typeof(WorkflowModel), records);
        Assert.Contains(typeof(StepModel), records);
        Assert.Contains(typeof(DiagnosticInfo), records);
        Assert.Contains(typeof(CheckpointShapes.CheckpointShape), records);
        Assert.Contains(records, t => t.Name == "NamedLocation");
    }

    [Fact]
    public void No_pipeline_model_holds_a_symbol_compilation_syntax_node_or_location()
    {
        var problems = new List<string>();
        var seen = new HashSet<Type>();
        foreach (var record in Records())
        {
            Walk(record, record.Name, seen, problems);
        }

        Assert.Empty(problems);
    }

    private static void Walk(Type type, string path, HashSet<Type> seen, List<string> problems)
    {
        if (Forbidden.Any(f => f.IsAssignableFrom(type)))
        {
            problems.Add($"{path} is a {type.Name}");
            return;
        }

        if (type.IsArray)
        {
            Walk(type.GetElementType()!, path + "[]", seen, problems);
            return;
        }

        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            Walk(argument, $"{path}<{argument.Name}>", seen, problems);
        }

        // Only the generator's own types are opened up; a framework type's fields are its own business.
        if (type.Assembly != Generator || !seen.Add(type))
        {
            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.FieldType, $"{path}.{field.Name}", seen, problems);
        }
    }
}

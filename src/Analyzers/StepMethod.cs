using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Analyzers;

/// <summary>A [Step] method of a [Workflow] class, with the names the diagnostics quote.</summary>
internal sealed class StepMethod
{
    private StepMethod(IMethodSymbol method, AttributeData attribute, string workflowName)
    {
        Method = method;
        Attribute = attribute;
        WorkflowName = workflowName;
    }

    public IMethodSymbol Method { get; }

    /// <summary>The method's [Step] attribute.</summary>
    public AttributeData Attribute { get; }

    /// <summary>The stored name of the workflow: the [Workflow] name, or the class name when the attribute gives none.</summary>
    public string WorkflowName { get; }

    public string Name => Method.Name;

    /// <summary>The method as a step, or null when it is not a [Step] of a [Workflow] class.</summary>
    public static StepMethod? TryCreate(ISymbol? symbol, InquirSymbols symbols)
    {
        if (symbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, ContainingType: { } type } method)
        {
            return null;
        }

        var step = symbols.GetStepAttribute(method);
        if (step is null)
        {
            return null;
        }

        var workflow = symbols.GetWorkflowAttribute(type);
        if (workflow is null)
        {
            return null;
        }

        var name = workflow.ConstructorArguments.Length > 0 && workflow.ConstructorArguments[0].Value is string text && text.Length > 0
            ? text
            : type.Name;
        return new StepMethod(method, step, name);
    }

    /// <summary>The value of a named argument of the [Step] attribute, or null when it is not set.</summary>
    public object? NamedArgument(string name)
    {
        foreach (var argument in Attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Value;
            }
        }

        return null;
    }

    /// <summary>The step's CancellationToken parameter, or null when it takes none.</summary>
    public IParameterSymbol? TokenParameter(INamedTypeSymbol? cancellationToken)
    {
        foreach (var parameter in Method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, cancellationToken))
            {
                return parameter;
            }
        }

        return null;
    }
}

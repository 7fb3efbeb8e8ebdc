using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Analyzers;

/// <summary>
/// The runtime types the analyzers look for, resolved once per compilation. <see cref="TryCreate"/> fails when the
/// compilation does not reference Inquir.Typed, so the analyzers register nothing for it.
/// </summary>
internal sealed class InquirSymbols
{
    private InquirSymbols(
        INamedTypeSymbol workflowAttribute,
        INamedTypeSymbol? stepAttribute,
        INamedTypeSymbol? idempotencyKeyAttribute,
        INamedTypeSymbol? stepContext,
        INamedTypeSymbol? workflowClient,
        INamedTypeSymbol? cancellationToken)
    {
        WorkflowClient = workflowClient;
        CancellationToken = cancellationToken;
        WorkflowAttribute = workflowAttribute;
        StepAttribute = stepAttribute;
        IdempotencyKeyAttribute = idempotencyKeyAttribute;
        StepContext = stepContext;
    }

    public INamedTypeSymbol WorkflowAttribute { get; }

    public INamedTypeSymbol? StepAttribute { get; }

    public INamedTypeSymbol? IdempotencyKeyAttribute { get; }

    public INamedTypeSymbol? StepContext { get; }

    /// <summary><c>Inquir.Typed.IWorkflowClient</c>, the interface every start goes through.</summary>
    public INamedTypeSymbol? WorkflowClient { get; }

    /// <summary><c>System.Threading.CancellationToken</c>.</summary>
    public INamedTypeSymbol? CancellationToken { get; }

    public static bool TryCreate(Compilation compilation, out InquirSymbols symbols)
    {
        symbols = null!;
        var workflowAttribute = TypeLookup.Find(compilation, "Inquir.Typed.WorkflowAttribute");
        if (workflowAttribute is null)
        {
            return false;
        }

        symbols = new InquirSymbols(
            workflowAttribute,
            TypeLookup.Find(compilation, "Inquir.Typed.StepAttribute"),
            TypeLookup.Find(compilation, "Inquir.Typed.IdempotencyKeyAttribute"),
            TypeLookup.Find(compilation, "Inquir.Typed.StepContext"),
            TypeLookup.Find(compilation, "Inquir.Typed.IWorkflowClient"),
            TypeLookup.Find(compilation, "System.Threading.CancellationToken"));
        return true;
    }

    /// <summary>The [Workflow] attribute of a type, or null when it has none.</summary>
    public AttributeData? GetWorkflowAttribute(ISymbol symbol) => Find(symbol, WorkflowAttribute);

    /// <summary>The [Step] attribute of a method, or null when it has none.</summary>
    public AttributeData? GetStepAttribute(ISymbol symbol) => StepAttribute is null ? null : Find(symbol, StepAttribute);

    /// <summary>Whether a property or field is marked [IdempotencyKey], on itself or on a member it overrides.</summary>
    public bool IsIdempotencyKeyMember(ISymbol member)
    {
        if (IdempotencyKeyAttribute is null)
        {
            return false;
        }

        for (var current = member; current is not null; current = (current as IPropertySymbol)?.OverriddenProperty)
        {
            if (Find(current, IdempotencyKeyAttribute) is not null)
            {
                return true;
            }
        }

        return false;
    }

    public bool IsStepContext(ITypeSymbol? type) =>
        StepContext is not null && type is not null && SymbolEqualityComparer.Default.Equals(type, StepContext);

    private static AttributeData? Find(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return attribute;
            }
        }

        return null;
    }
}

using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Analyzers;

/// <summary>
/// The runtime types the analyzers look for, resolved once per compilation. <see cref="TryCreate"/> fails when the
/// compilation does not reference Inquir.Typed, so the analyzers register nothing for it.
/// </summary>
internal sealed class InquirSymbols
{
    /// <summary>The number of retries a step gets when its attribute sets none (<c>StepPolicy.DefaultRetries</c>).</summary>
    private const int FallbackDefaultRetries = 3;

    private InquirSymbols(
        INamedTypeSymbol workflowAttribute,
        INamedTypeSymbol? stepAttribute,
        INamedTypeSymbol? idempotencyKeyAttribute,
        INamedTypeSymbol? stepContext,
        INamedTypeSymbol? workflowClient,
        INamedTypeSymbol? cancellationToken,
        int defaultRetries)
    {
        WorkflowClient = workflowClient;
        CancellationToken = cancellationToken;
        WorkflowAttribute = workflowAttribute;
        StepAttribute = stepAttribute;
        IdempotencyKeyAttribute = idempotencyKeyAttribute;
        StepContext = stepContext;
        DefaultRetries = defaultRetries;
    }

    public INamedTypeSymbol WorkflowAttribute { get; }

    public INamedTypeSymbol? StepAttribute { get; }

    public INamedTypeSymbol? IdempotencyKeyAttribute { get; }

    public INamedTypeSymbol? StepContext { get; }

    /// <summary><c>Inquir.Typed.IWorkflowClient</c>, the interface every start goes through.</summary>
    public INamedTypeSymbol? WorkflowClient { get; }

    /// <summary><c>System.Threading.CancellationToken</c>.</summary>
    public INamedTypeSymbol? CancellationToken { get; }

    /// <summary>The runtime's default for <c>[Step(Retries = …)]</c>, read from its constant when it can be found.</summary>
    public int DefaultRetries { get; }

    public static bool TryCreate(Compilation compilation, out InquirSymbols symbols)
    {
        symbols = null!;
        var workflowAttribute = compilation.GetTypeByMetadataName("Inquir.Typed.WorkflowAttribute");
        if (workflowAttribute is null)
        {
            return false;
        }

        var defaultRetries = FallbackDefaultRetries;
        var stepPolicy = compilation.GetTypeByMetadataName("Inquir.Typed.StepPolicy");
        foreach (var member in stepPolicy?.GetMembers("DefaultRetries") ?? default)
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: int value })
            {
                defaultRetries = value;
            }
        }

        symbols = new InquirSymbols(
            workflowAttribute,
            compilation.GetTypeByMetadataName("Inquir.Typed.StepAttribute"),
            compilation.GetTypeByMetadataName("Inquir.Typed.IdempotencyKeyAttribute"),
            compilation.GetTypeByMetadataName("Inquir.Typed.StepContext"),
            compilation.GetTypeByMetadataName("Inquir.Typed.IWorkflowClient"),
            compilation.GetTypeByMetadataName("System.Threading.CancellationToken"),
            defaultRetries);
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

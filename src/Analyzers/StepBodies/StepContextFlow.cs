using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Inquir.Typed.Analyzers.StepBodies;

/// <summary>
/// Follows a <c>StepContext</c> that a step passes to another method, to learn whether that method may read
/// <c>IdempotencyKey</c> from it. When it cannot tell (a library method, a method without a body, a context that is
/// stored away, a chain deeper than <see cref="MaxDepth"/>) it answers yes: a false warning costs more than a missed one.
/// </summary>
internal sealed class StepContextFlow
{
    /// <summary>How many calls deep a context is followed before it is given the benefit of the doubt.</summary>
    private const int MaxDepth = 4;

    private readonly InquirSymbols _symbols;
    private readonly Compilation _compilation;
    private readonly SemanticModel? _callerModel;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<IParameterSymbol> _visited = new(SymbolEqualityComparer.Default);

    public StepContextFlow(InquirSymbols symbols, Compilation compilation, SemanticModel? callerModel, CancellationToken cancellationToken)
    {
        _symbols = symbols;
        _compilation = compilation;
        _callerModel = callerModel;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Whether <paramref name="callee"/> may read the key of the context it receives as <paramref name="parameter"/>.</summary>
    public bool MayReadKey(IMethodSymbol callee, IParameterSymbol? parameter) => MayReadKey(callee, parameter, depth: 1);

    /// <summary>Strips the conversions and parentheses around a value.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    private bool MayReadKey(IMethodSymbol callee, IParameterSymbol? parameter, int depth)
    {
        if (parameter is null)
        {
            return true;
        }

        var ordinal = parameter.Ordinal;
        var method = callee;
        if (method.ReducedFrom is { } unreduced)
        {
            method = unreduced;
            ordinal++;
        }

        var original = method.OriginalDefinition;
        var definition = original.PartialImplementationPart ?? original;
        if (!HasSourceInCompilation(definition))
        {
            // A library: it can only use the key if it knows the context's type (not when it takes any object,
            // as ArgumentNullException.ThrowIfNull does).
            return parameter.Type.SpecialType != SpecialType.System_Object;
        }

        if (depth > MaxDepth || ordinal >= definition.Parameters.Length)
        {
            return true;
        }

        var received = definition.Parameters[ordinal];
        if (!_visited.Add(received))
        {
            // Already being followed further up this chain: that path decides.
            return false;
        }

        var body = FindBody(definition);
        if (body is null)
        {
            return true;
        }

        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is IParameterReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Parameter, received)
                && UseMayReadKey(reference, depth))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a method does with one reference to the context it received.</summary>
    private bool UseMayReadKey(IParameterReferenceOperation reference, int depth)
    {
        IOperation value = reference;
        while (value.Parent is IConversionOperation or IParenthesizedOperation)
        {
            value = value.Parent;
        }

        switch (value.Parent)
        {
            case IMemberReferenceOperation member when member.Instance == value:
                return member.Member.Name == "IdempotencyKey" && _symbols.IsStepContext(member.Member.ContainingType);
            case IArgumentOperation { Parent: IInvocationOperation invocation } argument:
                return MayReadKey(invocation.TargetMethod, argument.Parameter, depth + 1);
            case IArgumentOperation { Parent: IObjectCreationOperation { Constructor: { } constructor } } argument:
                return MayReadKey(constructor, argument.Parameter, depth + 1);
            case IIsPatternOperation or IBinaryOperation:
                return false;
            case IInvocationOperation invocation when invocation.Instance == value:
                return false;
            default:
                // Stored, returned or captured somewhere this walk does not follow: assume the key is read there.
                return true;
        }
    }

    /// <summary>Whether the method is declared in this compilation (not in metadata or in a referenced project).</summary>
    private bool HasSourceInCompilation(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (_compilation.ContainsSyntaxTree(reference.SyntaxTree))
            {
                return true;
            }
        }

        return false;
    }

    private IOperation? FindBody(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (!_compilation.ContainsSyntaxTree(reference.SyntaxTree))
            {
                continue;
            }

            var syntax = reference.GetSyntax(_cancellationToken);
            var hasBody = syntax switch
            {
                BaseMethodDeclarationSyntax declaration => declaration.Body is not null || declaration.ExpressionBody is not null,
                LocalFunctionStatementSyntax local => local.Body is not null || local.ExpressionBody is not null,
                AccessorDeclarationSyntax accessor => accessor.Body is not null || accessor.ExpressionBody is not null,
                _ => false,
            };
            if (hasBody)
            {
                return ModelFor(syntax.SyntaxTree).GetOperation(syntax, _cancellationToken);
            }
        }

        return null;
    }

    private SemanticModel ModelFor(SyntaxTree tree)
    {
        if (_callerModel is not null && _callerModel.SyntaxTree == tree)
        {
            return _callerModel;
        }

#pragma warning disable RS1030 // The callee lives in another file; the analyzer driver caches the models it hands out, so this does not rebind the tree each time.
        return _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
    }
}

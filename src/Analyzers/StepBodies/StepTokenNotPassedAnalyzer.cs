using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inquir.Typed.Analyzers.StepBodies;

/// <summary>
/// INQ2004: a step that takes a <c>CancellationToken</c> calls an async method (one returning a task) without any
/// token, although the method has an optional token parameter or an overload that adds one. A call that passes any
/// token, even <c>CancellationToken.None</c>, made a choice and is not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StepTokenNotPassedAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.StepTokenNotPassed);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        // Declared here rather than in the shared helper: the Roslyn analyzer rules (RS1025, RS1026) check each Initialize.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        StepBodyAnalysis.Register(context, static (compilation, symbols) =>
        {
            if (symbols.CancellationToken is not { } cancellationToken)
            {
                return null;
            }

            var awaitables = new AwaitableTypes(compilation);
            return (block, step) =>
            {
                if (step.TokenParameter(cancellationToken) is { } token)
                {
                    block.RegisterOperationAction(
                        operation => AnalyzeInvocation(operation, step, token, cancellationToken, awaitables),
                        OperationKind.Invocation);
                }
            };
        });
    }

    private static void AnalyzeInvocation(
        OperationAnalysisContext context, StepMethod step, IParameterSymbol token, INamedTypeSymbol cancellationToken, AwaitableTypes awaitables)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!awaitables.Contains(method.ReturnType) || PassesAToken(invocation, cancellationToken))
        {
            return;
        }

        string? parameterName = null;
        var positional = false;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue
                && argument.Parameter is { } parameter
                && SymbolEqualityComparer.Default.Equals(parameter.Type, cancellationToken))
            {
                parameterName = parameter.Name;
                positional = ExplicitUpTo(invocation, parameter.Ordinal);
                break;
            }
        }

        if (parameterName is null)
        {
            var overload = OverloadWithToken(method, cancellationToken, step.Method.ContainingType, context.Compilation);
            if (overload is null)
            {
                return;
            }

            parameterName = overload.Value.Parameter.Name;
            positional = overload.Value.Parameter.Ordinal == method.Parameters.Length && ExplicitUpTo(invocation, method.Parameters.Length);
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(TokenArgument.StepToken, token.Name)
            .Add(TokenArgument.ParameterName, parameterName)
            .Add(TokenArgument.Positional, positional ? "true" : "false");
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.StepTokenNotPassed,
            invocation.Syntax.GetLocation(),
            properties,
            step.Name,
            step.WorkflowName,
            method.ContainingType.Name + "." + method.Name,
            token.Name));
    }

    private static bool PassesAToken(IInvocationOperation invocation, INamedTypeSymbol cancellationToken)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue
                && argument.Parameter is { } parameter
                && SymbolEqualityComparer.Default.Equals(parameter.Type, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether every parameter before <paramref name="ordinal"/> got an explicit argument by position.</summary>
    private static bool ExplicitUpTo(IInvocationOperation invocation, int ordinal)
    {
        var explicitBefore = 0;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is null)
            {
                continue;
            }

            if (argument.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax { NameColon: not null })
            {
                return false;
            }

            if (argument.Parameter.Ordinal < ordinal)
            {
                explicitBefore++;
            }
        }

        return explicitBefore == ordinal;
    }

    /// <summary>
    /// An accessible overload with the same parameters as <paramref name="method"/> plus one CancellationToken, and
    /// that token parameter; null when there is none.
    /// </summary>
    private static (IMethodSymbol Method, IParameterSymbol Parameter)? OverloadWithToken(
        IMethodSymbol method, INamedTypeSymbol cancellationToken, INamedTypeSymbol within, Compilation compilation)
    {
        var definition = method.OriginalDefinition;
        if (definition.Parameters.Length > 0 && definition.Parameters[definition.Parameters.Length - 1].IsParams)
        {
            return null;
        }

        foreach (var member in definition.ContainingType.GetMembers(definition.Name))
        {
            if (member is not IMethodSymbol candidate
                || candidate.IsStatic != definition.IsStatic
                || candidate.Parameters.Length != definition.Parameters.Length + 1
                || candidate.TypeParameters.Length != definition.TypeParameters.Length
                || !compilation.IsSymbolAccessibleWithin(candidate, within)
                || IsObsolete(candidate))
            {
                continue;
            }

            var match = MatchWithExtraToken(definition, candidate, cancellationToken);
            if (match is not null)
            {
                return (candidate, match);
            }
        }

        return null;
    }

    /// <summary>The candidate's token parameter when removing it leaves exactly the method's parameters.</summary>
    private static IParameterSymbol? MatchWithExtraToken(IMethodSymbol method, IMethodSymbol candidate, INamedTypeSymbol cancellationToken)
    {
        IParameterSymbol? token = null;
        var offset = 0;
        foreach (var parameter in candidate.Parameters)
        {
            if (token is null && SymbolEqualityComparer.Default.Equals(parameter.Type, cancellationToken))
            {
                token = parameter;
                offset = 1;
                continue;
            }

            var counterpart = method.Parameters[parameter.Ordinal - offset];
            if (counterpart.RefKind != parameter.RefKind || !SameType(counterpart.Type, parameter.Type))
            {
                return null;
            }
        }

        return token;
    }

    /// <summary>Type equality that treats the type parameters of two overloads as the same when their positions match.</summary>
    private static bool SameType(ITypeSymbol left, ITypeSymbol right)
    {
        if (left is ITypeParameterSymbol l && right is ITypeParameterSymbol r)
        {
            return l.TypeParameterKind == r.TypeParameterKind && l.Ordinal == r.Ordinal;
        }

        if (left is IArrayTypeSymbol leftArray && right is IArrayTypeSymbol rightArray)
        {
            return leftArray.Rank == rightArray.Rank && SameType(leftArray.ElementType, rightArray.ElementType);
        }

        if (left is INamedTypeSymbol { IsGenericType: true } leftNamed && right is INamedTypeSymbol { IsGenericType: true } rightNamed)
        {
            if (!SymbolEqualityComparer.Default.Equals(leftNamed.OriginalDefinition, rightNamed.OriginalDefinition))
            {
                return false;
            }

            for (var i = 0; i < leftNamed.TypeArguments.Length; i++)
            {
                if (!SameType(leftNamed.TypeArguments[i], rightNamed.TypeArguments[i]))
                {
                    return false;
                }
            }

            return true;
        }

        return SymbolEqualityComparer.Default.Equals(left, right);
    }

    private static bool IsObsolete(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "ObsoleteAttribute")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Task, Task&lt;T&gt;, ValueTask and ValueTask&lt;T&gt;: the results of async work a token can cancel.</summary>
    private sealed class AwaitableTypes(Compilation compilation)
    {
        private readonly ImmutableArray<INamedTypeSymbol?> _types = ImmutableArray.Create(
            TypeLookup.Find(compilation, "System.Threading.Tasks.Task"),
            TypeLookup.Find(compilation, "System.Threading.Tasks.Task`1"),
            TypeLookup.Find(compilation, "System.Threading.Tasks.ValueTask"),
            TypeLookup.Find(compilation, "System.Threading.Tasks.ValueTask`1"));

        public bool Contains(ITypeSymbol type)
        {
            foreach (var awaitable in _types)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, awaitable))
                {
                    return true;
                }
            }

            return false;
        }
    }
}

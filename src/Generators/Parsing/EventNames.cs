using System.Collections.Generic;
using System.Threading;
using Inquir.Typed.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inquir.Typed.Generators.Parsing
{
    /// <summary>
    /// The event names a step that returns <c>EventWait&lt;T&gt;</c> waits for: the constant first arguments of the
    /// <c>StepContext.WaitForEvent</c> calls in its body. When a call's name is not a constant, or the body makes no such
    /// call (the wait comes from a helper), the names are unknown: the workflow gets no typed sender for them, and the
    /// runtime takes a send of any name as one the step may wait for.
    /// </summary>
    internal sealed class EventNames
    {
        private EventNames(EquatableArray<string> names, bool known)
        {
            Names = names;
            Known = known;
        }

        /// <summary>The constant names, in the order the body names them, each once; empty when not <see cref="Known"/>.</summary>
        public EquatableArray<string> Names { get; }

        /// <summary>Whether every name the step can wait for is a constant found in its body.</summary>
        public bool Known { get; }

        public static EventNames Find(IMethodSymbol method, KnownSymbols known, CancellationToken cancellationToken)
        {
            var names = new List<string>();
            var calls = 0;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration)
                {
                    continue;
                }

                SemanticModel? model = null;
                foreach (var invocation in declaration.DescendantNodes())
                {
                    if (invocation is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } call || !NamesWaitForEvent(call.Expression))
                    {
                        continue;
                    }

                    model ??= known.Compilation.GetSemanticModel(declaration.SyntaxTree);
                    if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol target
                        || !KnownSymbols.Is(target.ContainingType, known.StepContext))
                    {
                        continue;
                    }

                    calls++;
                    if (model.GetConstantValue(NameArgument(call).Expression, cancellationToken) is not { HasValue: true, Value: string name })
                    {
                        return new EventNames(EquatableArray<string>.Empty, known: false);
                    }

                    if (!names.Contains(name))
                    {
                        names.Add(name);
                    }
                }
            }

            return calls == 0 ? new EventNames(EquatableArray<string>.Empty, known: false) : new EventNames(EquatableArray<string>.From(names), known: true);
        }

        private static bool NamesWaitForEvent(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == "WaitForEvent",
            GenericNameSyntax generic => generic.Identifier.ValueText == "WaitForEvent",
            _ => false,
        };

        // The argument named "name", or else the first.
        private static ArgumentSyntax NameArgument(InvocationExpressionSyntax call)
        {
            foreach (var argument in call.ArgumentList.Arguments)
            {
                if (argument.NameColon?.Name.Identifier.ValueText == "name")
                {
                    return argument;
                }
            }

            return call.ArgumentList.Arguments[0];
        }
    }
}

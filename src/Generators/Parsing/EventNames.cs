using System.Collections.Generic;
using System.Threading;
using Inquir.Typed.Generators.Model;
using Inquir.Typed.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inquir.Typed.Generators.Parsing
{
    /// <summary>
    /// The event names a step that returns <c>EventWait&lt;T&gt;</c> waits for: the constant first arguments of the
    /// <c>StepContext.WaitForEvent</c> calls in its body. When a call's name is not a constant, or the body makes no such
    /// call (the wait comes from a helper), the names are unknown: the workflow gets no typed sender for them, and the
    /// runtime takes a send of any name as one the step may wait for. A constant name or timeout text that the runtime
    /// would refuse when the step runs is INQ1032 here instead.
    /// </summary>
    internal sealed class EventNames
    {
        // As the runtime's EventNames.MaxLength: the stores keep a name as a text key.
        private const int MaxNameLength = 200;

        private EventNames(EquatableArray<string> names, bool known)
        {
            Names = names;
            Known = known;
        }

        /// <summary>The constant names, in the order the body names them, each once; empty when not <see cref="Known"/>.</summary>
        public EquatableArray<string> Names { get; }

        /// <summary>Whether every name the step can wait for is a constant found in its body.</summary>
        public bool Known { get; }

        public static EventNames Find(IMethodSymbol method, KnownSymbols known, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
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
                    CheckTimeout(method, call, model, diagnostics, cancellationToken);
                    var nameArgument = NameArgument(call);
                    if (model.GetConstantValue(nameArgument.Expression, cancellationToken) is not { HasValue: true, Value: string name })
                    {
                        return new EventNames(EquatableArray<string>.Empty, known: false);
                    }

                    if (name.Trim().Length == 0 || name.Length > MaxNameLength)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(
                            DiagnosticDescriptors.InvalidEventWait,
                            LocationInfo.From(nameArgument.GetLocation()),
                            method.Name,
                            "name",
                            Quoted(name),
                            name.Trim().Length == 0 ? "an event name is not empty or white space" : "an event name is at most " + MaxNameLength + " characters, this one has " + name.Length));
                    }

                    if (!names.Contains(name))
                    {
                        names.Add(name);
                    }
                }
            }

            return calls == 0 ? new EventNames(EquatableArray<string>.Empty, known: false) : new EventNames(EquatableArray<string>.From(names), known: true);
        }

        // A constant timeout text is read as the runtime reads it when the step runs; a TimeSpan is not a constant.
        private static void CheckTimeout(IMethodSymbol method, InvocationExpressionSyntax call, SemanticModel model, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            if (TimeoutArgument(call) is not { } argument
                || model.GetConstantValue(argument.Expression, cancellationToken) is not { HasValue: true, Value: string text })
            {
                return;
            }

            if (!DurationText.TryParse(text, out var timeout, out var error))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidEventWait, LocationInfo.From(argument.GetLocation()), method.Name, "timeout", Quoted(text), error));
            }
            else if (timeout <= System.TimeSpan.Zero)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidEventWait, LocationInfo.From(argument.GetLocation()), method.Name, "timeout", Quoted(text), "a zero timeout ends the wait before any event can arrive"));
            }
        }

        // The argument named "timeout", or else the second.
        private static ArgumentSyntax? TimeoutArgument(InvocationExpressionSyntax call)
        {
            foreach (var argument in call.ArgumentList.Arguments)
            {
                if (argument.NameColon?.Name.Identifier.ValueText == "timeout")
                {
                    return argument;
                }
            }

            return call.ArgumentList.Arguments.Count > 1 && call.ArgumentList.Arguments[1].NameColon is null ? call.ArgumentList.Arguments[1] : null;
        }

        private static string Quoted(string text) => "\"" + text + "\"";

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

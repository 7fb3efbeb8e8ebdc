using System.Collections.Generic;
using System.Threading;
using Inquir.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Generators.Parsing
{
    /// <summary>Reads one <c>[Step]</c> method's signature and attribute into <see cref="StepFacts"/>, reporting what cannot be generated.</summary>
    internal static class StepParser
    {
        public static StepFacts Parse(IMethodSymbol method, AttributeData attribute, KnownSymbols known, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var errorsBefore = diagnostics.Count;
            var location = method.Locations.IsEmpty ? null : LocationInfo.From(method.Locations[0]);
            void Unsupported(string reason) =>
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedStepSignature, location, method.Name, reason));

            if (method.IsStatic)
            {
                Unsupported("is static");
            }

            if (method.DeclaredAccessibility != Accessibility.Public)
            {
                Unsupported("is not public");
            }

            if (method.IsGenericMethod)
            {
                Unsupported("is generic");
            }

            if (method.ReturnsByRef || method.ReturnsByRefReadonly)
            {
                Unsupported("returns by reference");
            }

            if (method.IsAsync && method.ReturnsVoid)
            {
                Unsupported("is async void, so its failures cannot be observed");
            }

            var parameters = new List<StepParameterKind>(method.Parameters.Length);
            IParameterSymbol? data = null;
            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind != RefKind.None)
                {
                    Unsupported("has a ref, out or in parameter '" + parameter.Name + "'");
                    continue;
                }

                var kind = IsStepContext(parameter.Type, known) ? StepParameterKind.Context
                    : KnownSymbols.Is(parameter.Type, known.CancellationToken) ? StepParameterKind.CancellationToken
                    : StepParameterKind.Data;
                if (kind == StepParameterKind.Data)
                {
                    if (data is not null)
                    {
                        Unsupported("takes two data parameters, '" + data.Name + "' and '" + parameter.Name + "'");
                        continue;
                    }

                    data = parameter;
                }
                else if (parameters.Contains(kind))
                {
                    Unsupported("takes more than one " + (kind == StepParameterKind.Context ? "StepContext" : "CancellationToken"));
                    continue;
                }

                parameters.Add(kind);
            }

            var (returnKind, returned) = ClassifyReturn(method, known);
            var instruction = Instruction(returned, known);
            var (awaits, output) = instruction is null ? ChildRuns(returned, known) : (ChildAwaitKind.None, instruction.TypeArguments[0]);
            EventNames? events = null;
            if (EventPayload(returned, known) is { } payload)
            {
                events = EventNames.Find(method, known, diagnostics, cancellationToken);
                output = payload;
            }

            var policy = StepPolicyParser.Parse(method, attribute, diagnostics, cancellationToken);
            var (nonRetryable, idempotent) = ReadFlags(attribute);
            return new StepFacts(
                method,
                data,
                EquatableArray<StepParameterKind>.From(parameters),
                returnKind,
                output,
                policy,
                nonRetryable,
                idempotent,
                isValid: diagnostics.Count == errorsBefore && policy is not null,
                awaits,
                awaits == ChildAwaitKind.None ? null : returned,
                instruction,
                events);
        }

        /// <summary>
        /// The instruction type a step returns (<c>Delayed&lt;T&gt;</c>, <c>StepResult&lt;T&gt;</c>: an output of <c>T</c> with a
        /// sleep or a snooze for the runtime), or null for any other return type.
        /// </summary>
        private static INamedTypeSymbol? Instruction(ITypeSymbol? returned, KnownSymbols known)
        {
            if (returned is INamedTypeSymbol { IsGenericType: true } generic)
            {
                foreach (var instruction in known.InstructionTypes)
                {
                    if (KnownSymbols.Is(generic.OriginalDefinition, instruction))
                    {
                        return generic;
                    }
                }
            }

            return null;
        }

        /// <summary>The payload <c>T</c> of an <c>EventWait&lt;T&gt;</c> the step returns, which is what the next step takes; null for any other value.</summary>
        private static ITypeSymbol? EventPayload(ITypeSymbol? returned, KnownSymbols known) =>
            returned is INamedTypeSymbol { IsGenericType: true } generic && KnownSymbols.Is(generic.OriginalDefinition, known.EventWaitOfT)
                ? generic.TypeArguments[0]
                : null;

        /// <summary>
        /// Whether a step's value is child runs (<c>WorkflowRun&lt;T&gt;</c> or <c>IReadOnlyList&lt;WorkflowRun&lt;T&gt;&gt;</c>), and the
        /// output the next step takes: their result <c>T</c>, or <c>IReadOnlyList&lt;T&gt;</c> in start order.
        /// </summary>
        private static (ChildAwaitKind Awaits, ITypeSymbol? Output) ChildRuns(ITypeSymbol? returned, KnownSymbols known)
        {
            if (returned is INamedTypeSymbol { IsGenericType: true } generic && known.WorkflowRunOfT is not null)
            {
                if (KnownSymbols.Is(generic.OriginalDefinition, known.WorkflowRunOfT))
                {
                    return (ChildAwaitKind.One, generic.TypeArguments[0]);
                }

                if (known.ReadOnlyListOfT is not null
                    && KnownSymbols.Is(generic.OriginalDefinition, known.ReadOnlyListOfT)
                    && generic.TypeArguments[0] is INamedTypeSymbol { IsGenericType: true } element
                    && KnownSymbols.Is(element.OriginalDefinition, known.WorkflowRunOfT))
                {
                    return (ChildAwaitKind.Many, known.ReadOnlyListOfT.Construct(element.TypeArguments[0]));
                }
            }

            return (ChildAwaitKind.None, returned);
        }

        /// <summary>
        /// Whether a parameter takes the step's context. A <c>StepContext?</c> parameter has always been read as data (the
        /// match was once by display name, which shows the annotation); kept so, to change no generated workflow.
        /// </summary>
        private static bool IsStepContext(ITypeSymbol type, KnownSymbols known) =>
            KnownSymbols.Is(type, known.StepContext) && type.NullableAnnotation != NullableAnnotation.Annotated;

        /// <summary>Splits a return type into how to call the method and the type of the value it produces.</summary>
        private static (StepReturnKind Kind, ITypeSymbol? Output) ClassifyReturn(IMethodSymbol method, KnownSymbols known)
        {
            if (method.ReturnsVoid)
            {
                return (StepReturnKind.Void, null);
            }

            var returnType = method.ReturnType;
            if (KnownSymbols.Is(returnType, known.Task) || KnownSymbols.Is(returnType, known.ValueTask))
            {
                return (StepReturnKind.Awaitable, null);
            }

            if (returnType is INamedTypeSymbol { IsGenericType: true } generic
                && (KnownSymbols.Is(generic.OriginalDefinition, known.TaskOfT) || KnownSymbols.Is(generic.OriginalDefinition, known.ValueTaskOfT)))
            {
                return (StepReturnKind.AwaitableValue, generic.TypeArguments[0]);
            }

            return (StepReturnKind.Value, returnType);
        }

        /// <summary>The attribute's <c>NonRetryable</c> exception types and its <c>Idempotent</c> flag.</summary>
        private static (EquatableArray<string> NonRetryable, bool Idempotent) ReadFlags(AttributeData attribute)
        {
            var nonRetryable = new List<string>();
            var idempotent = false;
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "NonRetryable" && argument.Value.Kind == TypedConstantKind.Array && !argument.Value.IsNull)
                {
                    foreach (var item in argument.Value.Values)
                    {
                        if (item.Value is ITypeSymbol exceptionType && exceptionType.TypeKind != TypeKind.Error)
                        {
                            nonRetryable.Add(exceptionType.ToDisplayString(TypeNames.TypeOf));
                        }
                    }
                }
                else if (argument.Key == "Idempotent" && argument.Value.Value is bool flag)
                {
                    idempotent = flag;
                }
            }

            return (EquatableArray<string>.From(nonRetryable), idempotent);
        }
    }
}

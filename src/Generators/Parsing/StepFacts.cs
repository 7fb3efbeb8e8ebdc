using Inquir.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Inquir.Typed.Generators.Parsing
{
    /// <summary>
    /// What the parser learns about one <c>[Step]</c> method, worked out once and read by the chain check, the checkpoint
    /// shapes and the model build. It holds symbols, so it lives only while one workflow is parsed and never in a
    /// pipeline stage.
    /// </summary>
    internal sealed class StepFacts
    {
        public StepFacts(
            IMethodSymbol method,
            IParameterSymbol? data,
            EquatableArray<StepParameterKind> parameters,
            StepReturnKind returnKind,
            ITypeSymbol? output,
            StepPolicyModel? policy,
            EquatableArray<string> nonRetryable,
            bool idempotent,
            bool isValid,
            ChildAwaitKind awaits = ChildAwaitKind.None,
            ITypeSymbol? childRuns = null,
            ITypeSymbol? instruction = null,
            EventNames? events = null)
        {
            Instruction = instruction;
            Events = events;
            Awaits = awaits;
            ChildRuns = childRuns;
            Method = method;
            Data = data;
            Parameters = parameters;
            ReturnKind = returnKind;
            Output = output;
            Policy = policy;
            NonRetryable = nonRetryable;
            Idempotent = idempotent;
            IsValid = isValid;
        }

        public IMethodSymbol Method { get; }

        public string Name => Method.Name;

        /// <summary>The one data parameter, or null when the step takes no data.</summary>
        public IParameterSymbol? Data { get; }

        public EquatableArray<StepParameterKind> Parameters { get; }

        public StepReturnKind ReturnKind { get; }

        /// <summary>
        /// The type of the value the step produces, or null when it returns none. For a step that returns child runs it
        /// is what the next step takes: <c>T</c> for <c>WorkflowRun&lt;T&gt;</c>, <c>IReadOnlyList&lt;T&gt;</c> for a list of them.
        /// </summary>
        public ITypeSymbol? Output { get; }

        /// <summary>Whether the method returns child runs.</summary>
        public ChildAwaitKind Awaits { get; }

        /// <summary>The child runs' type the method returns (<c>WorkflowRun&lt;T&gt;</c> or a list of them), when it returns child runs.</summary>
        public ITypeSymbol? ChildRuns { get; }

        /// <summary>The instruction type the method returns (<c>Delayed&lt;T&gt;</c>, <c>StepResult&lt;T&gt;</c>), whose <c>T</c> is the output; null for any other.</summary>
        public ITypeSymbol? Instruction { get; }

        /// <summary>
        /// The event wait the method returns (<c>EventWait&lt;T&gt;</c>, whose payload <c>T</c> is <see cref="Output"/>) and the
        /// names it waits for; null for any other step.
        /// </summary>
        public EventNames? Events { get; }

        /// <summary>The output as messages name it: for child runs, their results' type and the type returned; for an instruction, its value's type and the type returned; for an event, its payload's.</summary>
        public string? OutputText => Output is null ? null
            : ChildRuns is not null ? Output.ToDisplayString() + " (the result of " + ChildRuns.ToDisplayString() + ")"
            : Instruction is not null ? Output.ToDisplayString() + " (the value of " + Instruction.ToDisplayString() + ")"
            : Events is not null ? Output.ToDisplayString() + " (the payload of EventWait<" + Output.ToDisplayString() + ">)"
            : Output.ToDisplayString();

        /// <summary>The policy, or null when the attribute has an error.</summary>
        public StepPolicyModel? Policy { get; }

        /// <summary>Exception types (fully qualified, for <c>typeof</c>) that fail the run at once.</summary>
        public EquatableArray<string> NonRetryable { get; }

        public bool Idempotent { get; }

        /// <summary>Whether the signature and the policy have no error, so the step can be generated.</summary>
        public bool IsValid { get; }

        public LocationInfo? Location => LocationInfo.From(Method.Locations.IsEmpty ? null : Method.Locations[0]);

        public LocationInfo? DataLocation => Data is null || Data.Locations.IsEmpty ? null : LocationInfo.From(Data.Locations[0]);
    }
}

using Inquir.Typed.Generators.Model;
using static Inquir.Typed.Generators.Emitting.CSharpText;

namespace Inquir.Typed.Generators.Emitting
{
    /// <summary>The descriptor: the workflow's stored name, its step table with policies and invokers, and its serializers.</summary>
    internal static partial class WorkflowEmitter
    {
        private static void WriteDescriptor(IndentedWriter w, WorkflowModel model, SerializerFields serializers)
        {
            var descriptorType = $"global::Inquir.Typed.WorkflowDescriptor<{model.InputType}, {model.ResultType}>";
            w.Lines($$"""
                /// <summary>Workflow {{XmlEscape(Literal(model.WorkflowName))}}: its stored name, its steps with their policies, and how its input and result are stored.</summary>
                {{Accessibility(model)}} static {{descriptorType}} InquirDescriptor { get; } = new {{descriptorType}}(
                    name: {{Literal(model.WorkflowName)}},
                    workflowType: typeof({{model.FullyQualifiedName}}),
                    steps: new global::Inquir.Typed.StepDescriptor[]
                    {
                """);
            using (w.Indent())
            using (w.Indent())
            {
                foreach (var step in model.Steps)
                {
                    WriteStepDescriptor(w, step);
                }
            }

            w.Lines($$"""
                    },
                    inputSerializer: {{serializers[model.InputType]}},
                    resultSerializer: {{serializers[model.ResultType]}},
                    idempotencyKeyFromInput: {{IdempotencyKeyLambda(model)}});
                """);
        }

        private static void WriteStepDescriptor(IndentedWriter w, StepModel step)
        {
            var policy = step.Policy;
            var timeout = policy.TimeoutTicks is { } ticks ? Ticks(ticks) : "null";
            w.Lines($$"""
                new global::Inquir.Typed.StepDescriptor(
                    name: {{Literal(step.Name)}},
                    policy: new global::Inquir.Typed.StepPolicy({{Number(policy.Retries)}}, global::Inquir.Typed.BackoffKind.{{policy.BackoffKind}}, {{Ticks(policy.DelayTicks)}}, {{Ticks(policy.MaxDelayTicks)}}, {{timeout}}),
                    invoker: {{InvokerName(step)}},
                    nonRetryable: {{NonRetryableTypes(step)}},
                    idempotent: {{Boolean(step.Idempotent)}}{{Awaits(step)}}),
                """);
        }

        private static string Awaits(StepModel step) =>
            step.Awaits == ChildAwaitKind.None ? string.Empty : $",\n    awaits: global::Inquir.Typed.ChildAwait.{step.Awaits}";

        private static string NonRetryableTypes(StepModel step)
        {
            if (step.NonRetryable.Count == 0)
            {
                return "null";
            }

            var types = new string[step.NonRetryable.Count];
            for (var i = 0; i < types.Length; i++)
            {
                types[i] = $"typeof({step.NonRetryable[i]})";
            }

            return $"new global::System.Type[] {{ {string.Join(", ", types)} }}";
        }

        private static string IdempotencyKeyLambda(WorkflowModel model)
        {
            if (model.IdempotencyKey is not { } key)
            {
                return "null";
            }

            var access = "input." + Identifier(key.MemberName);
            var dot = key.MayBeNull ? "?." : ".";
            var read = key.Conversion switch
            {
                IdempotencyKeyConversion.String => access,
                IdempotencyKeyConversion.Formattable => $"{access}{dot}ToString(null, global::System.Globalization.CultureInfo.InvariantCulture)",
                _ => $"{access}{dot}ToString()",
            };
            var nullCheck = model.InputIsReferenceType ? "input is null ? null : " : string.Empty;
            return $"static input => {nullCheck}{read}";
        }

        private static string Accessibility(WorkflowModel model) => model.IsPublic ? "public" : "internal";

        private static string Ticks(long ticks) => $"global::System.TimeSpan.FromTicks({Number(ticks)})";
    }
}

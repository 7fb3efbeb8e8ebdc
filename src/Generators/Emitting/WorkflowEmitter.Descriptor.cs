using System.Collections.Generic;
using System.Linq;
using Inquir.Typed.Generators.Model;
using static Inquir.Typed.Generators.Emitting.CSharpText;

namespace Inquir.Typed.Generators.Emitting
{
    /// <summary>The descriptor: the workflow's stored name, its step table with policies and invokers, and its serializers.</summary>
    internal static partial class WorkflowEmitter
    {
        private static void WriteDescriptor(IndentedWriter w, WorkflowModel model, SerializerFields serializers)
        {
            // Arguments by position where the constructor has no defaults; the optional ones by name, only when set.
            w.Lines($$"""
                /// <summary>Workflow {{XmlEscape(Literal(model.WorkflowName))}}: its stored name, its steps with their policies, and how its input and result are stored.</summary>
                {{Accessibility(model)}} static global::Inquir.Typed.WorkflowDescriptor<{{model.InputType}}, {{model.ResultType}}> InquirDescriptor { get; } = new(
                    {{Literal(model.WorkflowName)}},
                    typeof({{model.FullyQualifiedName}}),
                    new global::Inquir.Typed.Generated.StepDescriptor[]
                    {
                """);
            using (w.Indent())
            using (w.Indent())
            {
                foreach (var step in model.Steps)
                {
                    WriteStepDescriptor(w, step, serializers);
                }
            }

            var idempotencyKey = model.IdempotencyKey is null ? string.Empty : ",\n    idempotencyKeyFromInput: " + IdempotencyKeyLambda(model);
            if (model.Limits.Count > 0)
            {
                idempotencyKey = (model.IdempotencyKey is null ? ",\n    idempotencyKeyFromInput: null" : idempotencyKey)
                    + ",\n    limits: new global::Inquir.Typed.Generated.LimitUse<" + model.InputType + ">[]\n    {\n"
                    + string.Concat(model.Limits.Select(l => "        " + LimitUse(model, l) + ",\n"))
                    + "    }";
            }

            w.Lines($$"""
                    },
                    {{serializers[model.InputType]}},
                    {{serializers[model.ResultType]}}{{idempotencyKey}}){{Initializer(model)}};
                """);
        }

        // The key member is read as the invariant text of its value; a member that does not exist fails to compile here.
        private static string LimitUse(WorkflowModel model, LimitModel limit)
        {
            var key = limit.KeyMember is null
                ? "null"
                : "static input => input is null ? null : global::System.Convert.ToString(input." + limit.KeyMember + ", global::System.Globalization.CultureInfo.InvariantCulture)";
            return "new(" + Literal(limit.Name) + ", " + (limit.Step is null ? "null" : Literal(limit.Step)) + ", " + Number(limit.Concurrency) + ", "
                + (limit.Rate is null ? "null" : Literal(limit.Rate)) + ", " + Boolean(limit.Shared) + ", " + key + ")";
        }

        private static void WriteStepDescriptor(IndentedWriter w, StepModel step, SerializerFields serializers)
        {
            var policy = step.Policy;
            var timeout = policy.TimeoutTicks is { } ticks ? Ticks(ticks) : "null";
            var optional = string.Empty;
            if (step.NonRetryable.Count > 0)
            {
                optional += ", nonRetryable: " + NonRetryableTypes(step);
            }

            if (step.Idempotent)
            {
                optional += ", idempotent: true";
            }

            if (step.Awaits != ChildAwaitKind.None)
            {
                optional += $", awaits: global::Inquir.Typed.Generated.ChildAwait.{step.Awaits}";
            }

            var maxSnoozes = policy.MaxSnoozes is { } snoozes ? $" {{ MaxSnoozes = {Number(snoozes)} }}" : string.Empty;
            var head = $"new({Literal(step.Name)}, new global::Inquir.Typed.StepPolicy({Number(policy.Retries)}, global::Inquir.Typed.BackoffKind.{policy.BackoffKind}, {Ticks(policy.DelayTicks)}, {Ticks(policy.MaxDelayTicks)}, {timeout}){maxSnoozes}, ";
            var members = new List<string>();
            if (policy.AfterTicks is { } sleep)
            {
                members.Add($"After = {Ticks(sleep)}");
            }

            if (EventMember(step, serializers) is { } wait)
            {
                members.Add(wait);
            }

            var initializer = members.Count == 0 ? string.Empty : " { " + string.Join(", ", members) + " }";
            WriteInvoker(w, step, serializers, head, optional + ")" + initializer + ",");
        }

        // A step that waits for an event says how: its names, its payload's serializer, what the next step takes.
        private static string? EventMember(StepModel step, SerializerFields serializers)
        {
            if (step.Event is not { } wait)
            {
                return null;
            }

            var names = new string[wait.Names.Count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = Literal(wait.Names[i]);
            }

            var list = names.Length == 0 ? "global::System.Array.Empty<string>()" : $"new string[] {{ {string.Join(", ", names)} }}";
            var asResult = wait.TimeoutAsResult ? ", timeoutAsResult: true" : string.Empty;
            return $"Event = new global::Inquir.Typed.Generated.StepEvent<{step.OutputType}>({list}, {serializers[step.OutputType!]}{asResult})";
        }

        private static string NonRetryableTypes(StepModel step)
        {
            var types = new string[step.NonRetryable.Count];
            for (var i = 0; i < types.Length; i++)
            {
                types[i] = $"typeof({step.NonRetryable[i]})";
            }

            return $"new global::System.Type[] {{ {string.Join(", ", types)} }}";
        }

        private static string IdempotencyKeyLambda(WorkflowModel model)
        {
            var key = model.IdempotencyKey!;
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

        // The descriptor's settings beyond its constructor: a queue alone on one line, as before deadlines existed,
        // else one member a line.
        private static string Initializer(WorkflowModel model)
        {
            var queue = model.Queue == QueueName.Default ? null : "Queue = " + Literal(model.Queue);
            var deadline = model.DeadlineTicks is { } ticks ? "Deadline = " + Ticks(ticks) : null;
            return (queue, deadline) switch
            {
                (null, null) => string.Empty,
                (_, null) => " { " + queue + " }",
                _ => "\n{\n" + string.Concat(new[] { queue, deadline }.Where(m => m is not null).Select(m => "    " + m + ",\n")) + "}",
            };
        }

        private static string Accessibility(WorkflowModel model) => model.IsPublic ? "public" : "internal";

        private static string Ticks(long ticks) => $"global::System.TimeSpan.FromTicks({Number(ticks)})";
    }
}

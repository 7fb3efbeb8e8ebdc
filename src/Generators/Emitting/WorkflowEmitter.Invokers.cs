using Inquir.Typed.Generators.Model;
using static Inquir.Typed.Generators.Emitting.CSharpText;

namespace Inquir.Typed.Generators.Emitting
{
    /// <summary>One invoker per step: decode the input checkpoint, resolve the class from DI, call the method, encode its output.</summary>
    internal static partial class WorkflowEmitter
    {
        private static string InvokerName(StepModel step) => "InquirInvoke" + step.Name;

        private static void WriteInvoker(IndentedWriter w, WorkflowModel model, StepModel step, SerializerFields serializers)
        {
            var awaits = step.ReturnKind is StepReturnKind.Awaitable or StepReturnKind.AwaitableValue;
            var modifiers = awaits ? "static async" : "static";
            w.Line($"private {modifiers} {ValueTaskOfString} {InvokerName(step)}(global::System.IServiceProvider services, string input, global::Inquir.Typed.StepContext context, {CancellationToken} cancellationToken)");
            using (w.Block())
            {
                w.Line($"var workflow = global::Inquir.Typed.WorkflowActivator.Resolve<{model.FullyQualifiedName}>(services);");
                if (step.DataType is not null)
                {
                    w.Line($"var data = {serializers[step.DataType]}.Deserialize(input);");
                }

                var call = $"workflow.{Identifier(step.Name)}({Arguments(step)})";
                switch (step.ReturnKind)
                {
                    case StepReturnKind.Void:
                        w.Lines($$"""
                            {{call}};
                            return new {{ValueTaskOfString}}("null");
                            """);
                        break;
                    case StepReturnKind.Value:
                        w.Lines($$"""
                            var output = {{call}};
                            return new {{ValueTaskOfString}}({{Encode(step, serializers)}});
                            """);
                        break;
                    case StepReturnKind.Awaitable:
                        w.Lines($$"""
                            await {{call}}.ConfigureAwait(false);
                            return "null";
                            """);
                        break;
                    default:
                        w.Lines($$"""
                            var output = await {{call}}.ConfigureAwait(false);
                            return {{Encode(step, serializers)}};
                            """);
                        break;
                }
            }
        }

        /// <summary>
        /// How the invoker encodes the method's value: through the output's serializer, or, for child runs, as their ids,
        /// which the runtime awaits and replaces by their results.
        /// </summary>
        private static string Encode(StepModel step, SerializerFields serializers) =>
            step.Awaits == ChildAwaitKind.None
                ? $"{serializers[step.OutputType!]}.Serialize(output)"
                : "global::Inquir.Typed.ChildRunHandles.Encode(output)";

        /// <summary>The call's arguments in the method's own parameter order.</summary>
        private static string Arguments(StepModel step)
        {
            var arguments = new string[step.Parameters.Count];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = step.Parameters[i] switch
                {
                    StepParameterKind.Data => "data",
                    StepParameterKind.Context => "context",
                    _ => "cancellationToken",
                };
            }

            return string.Join(", ", arguments);
        }
    }
}

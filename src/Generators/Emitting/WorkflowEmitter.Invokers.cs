using Inquir.Typed.Generators.Model;
using static Inquir.Typed.Generators.Emitting.CSharpText;

namespace Inquir.Typed.Generators.Emitting
{
    /// <summary>
    /// One invoker per step, a static lambda in the step table: resolve the class from DI, decode the input checkpoint,
    /// call the method, encode its output. One expression where it can be (the compiler parses every generated file on
    /// every build); a step returning child runs names its value <c>output</c> before encoding it as their ids.
    /// </summary>
    internal static partial class WorkflowEmitter
    {
        private const string ResolveName = "InquirWorkflow";
        private const string InvokerParameters = "(services, input, context, cancellationToken)";

        /// <summary>The class's resolver, shared by its invokers.</summary>
        private static void WriteResolver(IndentedWriter w, WorkflowModel model) =>
            w.Line($"private static {model.FullyQualifiedName} {ResolveName}(global::System.IServiceProvider services) => global::Inquir.Typed.Generated.WorkflowActivator.Resolve<{model.FullyQualifiedName}>(services);");

        /// <summary>Writes the invoker lambda as the last argument of a step's descriptor, closing it with <paramref name="close"/>.</summary>
        private static void WriteInvoker(IndentedWriter w, StepModel step, SerializerFields serializers, string head, string close)
        {
            var call = $"{ResolveName}(services).{Identifier(step.Name)}({Arguments(step, serializers)})";
            var awaited = step.ReturnKind is StepReturnKind.Awaitable or StepReturnKind.AwaitableValue;
            var value = awaited ? $"await {call}.ConfigureAwait(false)" : call;
            string Returned(string result) => awaited ? result : $"new {ValueTaskOfString}({result})";
            var lambda = $"{head}static {(awaited ? "async " : string.Empty)}{InvokerParameters} =>";
            var hasOutput = step.ReturnKind is StepReturnKind.Value or StepReturnKind.AwaitableValue;
            if (hasOutput && (step.Awaits == ChildAwaitKind.None || step.Event is not null))
            {
                w.Lines($$"""
                    {{lambda}}
                        {{Returned(Encode(step, serializers, value))}}{{close}}
                    """);
                return;
            }

            w.Line(lambda);
            using (w.Block("}" + close))
            {
                w.Lines(hasOutput
                    ? $"var output = {value};\nreturn {Returned(Encode(step, serializers, "output"))};"
                    : $"{value};\nreturn {Returned("\"null\"")};");
            }
        }

        /// <summary>
        /// How the invoker encodes the method's value: through the output's serializer; for child runs, as their ids,
        /// which the runtime awaits and replaces by their results; for an instruction (a sleep, a snooze), its value
        /// through the serializer, the instruction handed to the runtime on the context; for an event wait, as its name
        /// and timeout.
        /// </summary>
        private static string Encode(StepModel step, SerializerFields serializers, string output) =>
            step.Event is not null ? $"global::Inquir.Typed.Generated.EventWaitHandles.Encode({output})"
            : step.Awaits != ChildAwaitKind.None ? $"global::Inquir.Typed.Generated.ChildRunHandles.Encode({output})"
            : step.Instructs ? $"global::Inquir.Typed.Generated.StepInstructions.Encode({output}, {serializers[step.OutputType!]}, context)"
            : $"{serializers[step.OutputType!]}.Serialize({output})";

        /// <summary>The call's arguments in the method's own parameter order; the data is decoded where it is passed.</summary>
        private static string Arguments(StepModel step, SerializerFields serializers)
        {
            var arguments = new string[step.Parameters.Count];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = step.Parameters[i] switch
                {
                    StepParameterKind.Data => $"{serializers[step.DataType!]}.Deserialize(input)",
                    StepParameterKind.Context => "context",
                    _ => "cancellationToken",
                };
            }

            return string.Join(", ", arguments);
        }
    }
}

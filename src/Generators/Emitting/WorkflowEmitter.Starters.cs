using Inquir.Typed.Generators.Model;
using static Inquir.Typed.Generators.Emitting.CSharpText;

namespace Inquir.Typed.Generators.Emitting
{
    /// <summary>The typed starters: <c>Start{Class}Async</c> extensions of <c>IWorkflowClient</c>, with a key or with options.</summary>
    internal static partial class WorkflowEmitter
    {
        private static void WriteStarters(IndentedWriter w, WorkflowModel model)
        {
            var name = XmlEscape(Literal(model.WorkflowName));
            w.Lines($$"""
                /// <summary>Typed starters for workflow {{name}} (<see cref="{{model.FullyQualifiedName}}"/>).</summary>
                {{GeneratedFile.GeneratedCodeAttribute}}
                {{Accessibility(model)}} static partial class {{model.ClassName}}WorkflowExtensions
                """);
            using (w.Block())
            {
                var start = $"Start{model.ClassName}Async";
                var runType = $"global::System.Threading.Tasks.Task<global::Inquir.Typed.WorkflowRun<{model.ResultType}>>";
                var descriptor = model.FullyQualifiedName + ".InquirDescriptor";
                var inputParameter = model.InputIsNoValue ? string.Empty : $", {model.InputType} input";
                var inputArgument = model.InputIsNoValue ? "global::Inquir.Typed.NoValue.Instance" : "input";

                w.Lines($$"""
                    /// <summary>Starts a run of workflow {{name}}, or returns the run that an earlier start with the same idempotency key made.</summary>
                    /// <param name="client">The workflow client.</param>
                    """);
                WriteInputDoc(w, model);
                w.Lines($$"""
                    /// <param name="idempotencyKey">Makes the start happen once per key; <see langword="null"/> to take the key from the input's <c>[IdempotencyKey]</c> member, if it has one.</param>
                    /// <param name="cancellationToken">Cancels the start.</param>
                    /// <returns>A handle that reads the run's status and waits for its result.</returns>
                    public static {{runType}} {{start}}(this global::Inquir.Typed.IWorkflowClient client{{inputParameter}}, string? idempotencyKey = null, {{CancellationToken}} cancellationToken = default)
                        => global::Inquir.Typed.Generated.WorkflowStarter.StartAsync(client, {{descriptor}}, {{inputArgument}}, idempotencyKey is null ? null : new global::Inquir.Typed.StartOptions { IdempotencyKey = idempotencyKey }, cancellationToken);

                    /// <summary>Starts a run of workflow {{name}} with options: idempotency key, start time, or the caller's open transaction.</summary>
                    /// <param name="client">The workflow client.</param>
                    """);
                WriteInputDoc(w, model);
                w.Lines($$"""
                    /// <param name="options">How the run is started.</param>
                    /// <param name="cancellationToken">Cancels the start.</param>
                    /// <returns>A handle that reads the run's status and waits for its result.</returns>
                    public static {{runType}} {{start}}(this global::Inquir.Typed.IWorkflowClient client{{inputParameter}}, global::Inquir.Typed.StartOptions options, {{CancellationToken}} cancellationToken = default)
                        => global::Inquir.Typed.Generated.WorkflowStarter.StartAsync(client, {{descriptor}}, {{inputArgument}}, options, cancellationToken);
                    """);
                if (!model.InputIsNoValue)
                {
                    WriteBulkStarter(w, model, name, descriptor);
                }

                WriteEventSenders(w, model, name, descriptor);
            }
        }

        // A workflow without an input has nothing to start many of; it gets no bulk starter.
        private static void WriteBulkStarter(IndentedWriter w, WorkflowModel model, string name, string descriptor)
        {
            var runsType = $"global::System.Threading.Tasks.Task<global::System.Collections.Generic.IReadOnlyList<global::Inquir.Typed.WorkflowRun<{model.ResultType}>>>";
            w.Line();
            w.Lines($$"""
                /// <summary>Starts one run of workflow {{name}} per input, in one statement and one transaction; each input's <c>[IdempotencyKey]</c> member, if it has one, makes its run's start happen once.</summary>
                /// <param name="client">The workflow client.</param>
                /// <param name="inputs">The runs' inputs: the data of the first step, <c>{{XmlEscape(model.Steps[0].Name)}}</c>.</param>
                /// <param name="options">Start time or the caller's open transaction, shared by every run; <see langword="null"/> for none.</param>
                /// <param name="cancellationToken">Cancels the start.</param>
                /// <returns>One handle per input, in order; a run whose key was used before is the run that holds it.</returns>
                public static {{runsType}} Start{{model.ClassName}}ManyAsync(this global::Inquir.Typed.IWorkflowClient client, global::System.Collections.Generic.IEnumerable<{{model.InputType}}> inputs, global::Inquir.Typed.StartOptions? options = null, {{CancellationToken}} cancellationToken = default)
                    => global::Inquir.Typed.Generated.WorkflowStarter.StartManyAsync(client, {{descriptor}}, inputs, options, cancellationToken);
                """);
        }

        private static void WriteInputDoc(IndentedWriter w, WorkflowModel model)
        {
            if (!model.InputIsNoValue)
            {
                w.Line($"/// <param name=\"input\">The workflow's input: the data of its first step, <c>{XmlEscape(model.Steps[0].Name)}</c>.</param>");
            }
        }
    }
}

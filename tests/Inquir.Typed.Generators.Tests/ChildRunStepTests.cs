using System.Reflection;
using Inquir.Typed.Generated;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inquir.Typed.Generators.Tests;

/// <summary>
/// Steps that return child runs: the chain goes on with the children's results, the descriptor says the step awaits
/// children, and the invoker encodes the handles as the ids the runtime awaits.
/// </summary>
public class ChildRunStepTests
{
    internal const string Children = """
        namespace Fan;

        [Workflow("part")]
        public sealed partial class Part
        {
            [Step] public int Count(string name) => name.Length;
        }

        [Workflow("fan")]
        public sealed partial class Fan
        {
            [Step] public Task<IReadOnlyList<WorkflowRun<int>>> Split(string[] names, StepContext ctx) => throw new NotSupportedException();

            [Step] public WorkflowRun<int> Again(IReadOnlyList<int> counts, StepContext ctx) => throw new NotSupportedException();

            [Step] public int Done(int count) => count;
        }
        """;

    [Fact]
    public void A_step_returning_child_runs_feeds_their_results_to_the_next_step()
    {
        var (result, output, diagnostics) = TestHelpers.Run(Children);

        Assert.Empty(diagnostics);
        Assert.Empty(TestHelpers.CompileDiagnostics(output));
        var fan = TestHelpers.Generated(result, "Fan.Fan.g.cs");
        Assert.Contains("awaits: global::Inquir.Typed.Generated.ChildAwait.Many", fan, StringComparison.Ordinal);
        Assert.Contains("awaits: global::Inquir.Typed.Generated.ChildAwait.One", fan, StringComparison.Ordinal);
        Assert.Contains("return global::Inquir.Typed.Generated.ChildRunHandles.Encode(output);", fan, StringComparison.Ordinal);
    }

    [Fact]
    public void The_descriptor_marks_only_the_steps_that_return_child_runs()
    {
        var descriptor = Descriptor(TestHelpers.CompileAndLoad(Children), "Fan.Fan");

        Assert.Equal([ChildAwait.Many, ChildAwait.One, ChildAwait.None], descriptor.Steps.Select(s => s.Awaits));
    }

    [Fact]
    public async Task The_invoker_encodes_the_child_runs_as_their_ids_in_list_order()
    {
        var assembly = TestHelpers.CompileAndLoad("""
            namespace Fan;

            [Workflow("part")]
            public sealed partial class Part
            {
                [Step] public int Count(string name) => name.Length;
            }

            [Workflow("fan")]
            public sealed partial class Fan
            {
                [Step]
                public async Task<IReadOnlyList<WorkflowRun<int>>> Split(string[] names, StepContext ctx, CancellationToken ct)
                {
                    var runs = new List<WorkflowRun<int>>();
                    foreach (var name in names)
                    {
                        runs.Add(await ctx.Workflows.StartPartAsync(name, cancellationToken: ct));
                    }

                    return runs;
                }

                [Step] public int Sum(IReadOnlyList<int> counts) => System.Linq.Enumerable.Sum(counts);
            }

            public sealed class Services : IServiceProvider
            {
                public object? GetService(Type serviceType) => serviceType == typeof(Fan) ? new Fan() : null;
            }
            """);
        var services = (IServiceProvider)Activator.CreateInstance(assembly.GetType("Fan.Services")!)!;
        var descriptor = Descriptor(assembly, "Fan.Fan");
        var client = new RecordingClient();
        var context = new StepContext(Guid.NewGuid(), "fan", "Split", 0, 1, NullLogger.Instance, client);

        var handles = await descriptor.Steps[0].Invoker(services, "[\"a\",\"bb\"]", context, default);
        var sum = await descriptor.Steps[1].Invoker(services, "[1,2]", context, default);

        Assert.Equal($"[\"{client.Started[0]:D}\",\"{client.Started[1]:D}\"]", handles);
        Assert.Equal("3", sum);
    }

    [Fact]
    public void A_step_not_taking_the_child_result_is_INQ1010_naming_both_types()
    {
        var (_, _, diagnostics) = TestHelpers.Run("""
            namespace Fan;

            [Workflow("part")]
            public sealed partial class Part
            {
                [Step] public int Count(string name) => name.Length;
            }

            [Workflow("fan")]
            public sealed partial class Fan
            {
                [Step] public Task<WorkflowRun<int>> Start(string name) => throw new NotSupportedException();

                [Step] public void Use(string text) { }
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("INQ1010", diagnostic.Id);
        Assert.Equal("Step 'Use' takes string, which does not accept int (the result of Inquir.Typed.WorkflowRun<int>) returned by step 'Start'", diagnostic.GetMessage());
    }

    [Fact]
    public void A_step_taking_one_result_after_a_fan_out_is_INQ1010()
    {
        var (_, _, diagnostics) = TestHelpers.Run("""
            namespace Fan;

            [Workflow("part")]
            public sealed partial class Part
            {
                [Step] public int Count(string name) => name.Length;
            }

            [Workflow("fan")]
            public sealed partial class Fan
            {
                [Step] public IReadOnlyList<WorkflowRun<int>> Split(string[] names) => throw new NotSupportedException();

                [Step] public void Use(int count) { }
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("INQ1010", diagnostic.Id);
        Assert.Contains("takes int, which does not accept System.Collections.Generic.IReadOnlyList<int> (the result of System.Collections.Generic.IReadOnlyList<Inquir.Typed.WorkflowRun<int>>)", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_last_step_returning_child_runs_makes_their_results_the_workflow_result()
    {
        var (result, output, diagnostics) = TestHelpers.Run("""
            namespace Fan;

            [Workflow("part")]
            public sealed partial class Part
            {
                [Step] public int Count(string name) => name.Length;
            }

            [Workflow("fan")]
            public sealed partial class Fan
            {
                [Step] public ValueTask<IReadOnlyList<WorkflowRun<int>>> Split(string[] names) => throw new NotSupportedException();
            }
            """);

        Assert.Empty(diagnostics);
        Assert.Empty(TestHelpers.CompileDiagnostics(output));
        Assert.Contains(
            "WorkflowDescriptor<string[], global::System.Collections.Generic.IReadOnlyList<int>>",
            TestHelpers.Generated(result, "Fan.Fan.g.cs").Replace("global::System.String", "string", StringComparison.Ordinal),
            StringComparison.Ordinal);
    }

    private static WorkflowDescriptor Descriptor(Assembly assembly, string type) =>
        (WorkflowDescriptor)assembly.GetType(type)!.GetProperty("InquirDescriptor")!.GetValue(null)!;

    /// <summary>Gives every start a new run id and remembers them in order; the encoding is the subject here.</summary>
    internal sealed class RecordingClient : IWorkflowClient
    {
        public List<Guid> Started { get; } = [];

        public Task<StartedRun> StartAsync(WorkflowDescriptor descriptor, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default) =>
            StartAsync(descriptor.Name, inputJson, options, cancellationToken);

        public Task<StartedRun> StartAsync(string workflowName, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default)
        {
            var id = Guid.NewGuid();
            Started.Add(id);
            return Task.FromResult(new StartedRun(id, true));
        }

        public Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken = default) => Task.FromResult<RunInfo?>(null);
    }
}

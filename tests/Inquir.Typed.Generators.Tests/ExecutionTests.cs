using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inquir.Typed.Generators.Tests;

/// <summary>Compiles user code with the generated code, loads it, and runs the generated invokers and starters.</summary>
public class ExecutionTests
{
    private const string Source = """
        namespace Run;

        public sealed class Greeter
        {
            public string Greet(string name) => "Hello, " + name;
        }

        public sealed record Person([property: IdempotencyKey] string Name);

        [Workflow("greet")]
        public sealed partial class Greet(Greeter greeter)
        {
            [Step(Retries = 2)]
            public string Hello(StepContext ctx, Person person) => greeter.Greet(person.Name) + " from " + ctx.StepName;

            [Step]
            public async Task<int> Measure(string text, CancellationToken ct)
            {
                await Task.Yield();
                return text.Length;
            }

            [Step]
            public ValueTask Done(int length) => length > 0 ? ValueTask.CompletedTask : throw new InvalidOperationException();
        }

        public sealed class Services : IServiceProvider
        {
            public object? GetService(Type serviceType) => serviceType == typeof(Greet) ? new Greet(new Greeter()) : null;
        }
        """;

    private static Assembly CompileAndLoad() => TestHelpers.CompileAndLoad(Source);

    private static StepContext Context(string step, int index) =>
        new(Guid.NewGuid(), "greet", step, index, 1, NullLogger.Instance, new RecordingClient());

    [Fact]
    public async Task Generated_invokers_run_each_step_through_checkpoints()
    {
        var assembly = CompileAndLoad();
        var workflow = assembly.GetType("Run.Greet")!;
        var services = (IServiceProvider)Activator.CreateInstance(assembly.GetType("Run.Services")!)!;
        var descriptor = (WorkflowDescriptor)workflow.GetProperty("InquirDescriptor")!.GetValue(null)!;

        Assert.True(typeof(IGeneratedWorkflow).IsAssignableFrom(workflow));
        Assert.Equal("greet", descriptor.Name);
        Assert.Same(workflow, descriptor.WorkflowType);
        Assert.Equal(["Hello", "Measure", "Done"], descriptor.Steps.Select(s => s.Name));
        Assert.Equal(2, descriptor.Steps[0].Policy.Retries);

        var hello = await descriptor.Steps[0].Invoker(services, """{"Name":"Ada"}""", Context("Hello", 0), CancellationToken.None);
        var measure = await descriptor.Steps[1].Invoker(services, hello, Context("Measure", 1), CancellationToken.None);
        var done = await descriptor.Steps[2].Invoker(services, measure, Context("Done", 2), CancellationToken.None);

        Assert.Equal("\"Hello, Ada from Hello\"", hello);
        Assert.Equal("21", measure); // "Hello, Ada from Hello".Length
        Assert.Equal("null", done);
    }

    [Fact]
    public async Task Generated_starter_encodes_the_input_and_takes_the_key_from_it()
    {
        var assembly = CompileAndLoad();
        var person = Activator.CreateInstance(assembly.GetType("Run.Person")!, "Ada")!;
        var start = assembly.GetType("Run.GreetWorkflowExtensions")!.GetMethods()
            .Single(m => m.Name == "StartGreetAsync" && m.GetParameters()[2].ParameterType == typeof(string));
        var client = new RecordingClient();

        var run = (Task)start.Invoke(null, [client, person, null, CancellationToken.None])!;
        await run;

        Assert.Equal("greet", client.Descriptor!.Name);
        Assert.Equal("""{"Name":"Ada"}""", client.InputJson);
        Assert.Equal("Ada", client.Options!.IdempotencyKey);
    }

    [Fact]
    public async Task Generated_bulk_starter_encodes_every_input_and_takes_each_run_s_key_from_its_input()
    {
        var assembly = CompileAndLoad();
        var personType = assembly.GetType("Run.Person")!;
        var people = Array.CreateInstance(personType, 2);
        people.SetValue(Activator.CreateInstance(personType, "Ada"), 0);
        people.SetValue(Activator.CreateInstance(personType, "Grace"), 1);
        var startMany = assembly.GetType("Run.GreetWorkflowExtensions")!.GetMethod("StartGreetManyAsync")!;
        var client = new RecordingClient();

        var runs = (Task)startMany.Invoke(null, [client, people, null, CancellationToken.None])!;
        await runs;

        Assert.Equal("greet", client.Descriptor!.Name);
        Assert.Equal(
            [new RunStart("""{"Name":"Ada"}""", "Ada"), new RunStart("""{"Name":"Grace"}""", "Grace")],
            client.Many);
    }

    [Fact]
    public void A_workflow_without_input_gets_no_bulk_starter()
    {
        var (result, _, diagnostics) = TestHelpers.Run(Shapes.NoInput);

        Assert.Empty(diagnostics);
        Assert.DoesNotContain("ManyAsync", TestHelpers.Generated(result, "Samples.Nightly.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void AddAllWorkflows_registers_the_class_and_its_descriptor()
    {
        var assembly = CompileAndLoad();
        var services = new ServiceCollection();

        assembly.GetType("Microsoft.Extensions.DependencyInjection.InquirGeneratedWorkflowRegistrations")!
            .GetMethod("AddAllWorkflows")!
            .Invoke(null, [services]);

        Assert.Contains(services, d => d.ServiceType.FullName == "Run.Greet");
        var registration = Assert.Single(services, d => d.ServiceType.Name == "WorkflowRegistration").ImplementationInstance!;
        var descriptor = (WorkflowDescriptor)registration.GetType().GetProperty("Descriptor")!.GetValue(registration)!;
        Assert.Equal("greet", descriptor.Name);
    }

    private sealed class RecordingClient : IWorkflowClient
    {
        public WorkflowDescriptor? Descriptor { get; private set; }

        public string? InputJson { get; private set; }

        public StartOptions? Options { get; private set; }

        public IReadOnlyList<RunStart>? Many { get; private set; }

        public Task<IReadOnlyList<StartedRun>> StartManyAsync(WorkflowDescriptor descriptor, IReadOnlyList<RunStart> runs, StartOptions? options = null, CancellationToken cancellationToken = default)
        {
            Descriptor = descriptor;
            Many = runs;
            return Task.FromResult<IReadOnlyList<StartedRun>>(runs.Select(_ => new StartedRun(Guid.NewGuid(), Created: true)).ToList());
        }

        public Task<StartedRun> StartAsync(WorkflowDescriptor descriptor, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default)
        {
            Descriptor = descriptor;
            InputJson = inputJson;
            Options = options;
            return Task.FromResult(new StartedRun(Guid.NewGuid(), Created: true));
        }

        public Task<StartedRun> StartAsync(string workflowName, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}

using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inquir.Typed.Generators.Tests;

/// <summary>
/// Steps that return an instruction around their output (<see cref="Delayed{T}"/>, <see cref="StepResult{T}"/>): the
/// chain goes on with the value's type, the invoker hands the instruction to the runtime on the context, and the
/// descriptor carries After, MaxSnoozes and the workflow's Deadline.
/// </summary>
public class WaitStepTests
{
    private static readonly Assembly Waits = TestHelpers.CompileAndLoad(Shapes.Waits + """

        public sealed class Services : IServiceProvider
        {
            public object? GetService(Type serviceType) => serviceType == typeof(Remind) ? new Remind() : null;
        }
        """);

    [Fact]
    public void The_next_step_takes_the_value_of_a_Delayed_or_StepResult_output()
    {
        var (_, output, diagnostics) = TestHelpers.Run(Shapes.Waits);

        Assert.Empty(diagnostics);
        Assert.Empty(TestHelpers.CompileDiagnostics(output));
    }

    [Fact]
    public void The_descriptor_carries_After_MaxSnoozes_and_the_Deadline()
    {
        var descriptor = Descriptor();

        Assert.Equal(TimeSpan.FromHours(2), descriptor.Deadline);
        Assert.Equal([null, null, TimeSpan.FromHours(1)], descriptor.Steps.Select(s => s.After));
        Assert.Equal([null, 48, null], descriptor.Steps.Select(s => s.Policy.MaxSnoozes));
    }

    [Fact]
    public async Task A_Delayed_output_is_encoded_as_its_value_and_its_sleep_goes_to_the_context()
    {
        var context = Context("Accept");

        var json = await Descriptor().Steps[0].Invoker(Services(), "{\"Id\":\"o-1\"}", context, default);

        Assert.Equal("{\"Id\":\"o-1\"}", json);
        Assert.Equal("SleepInstruction { For = 00:10:00, Until =  }", InstructionOf(context));
    }

    [Fact]
    public async Task A_snoozed_StepResult_writes_no_value_and_its_snooze_goes_to_the_context()
    {
        var context = Context("Fetch");

        var json = await Descriptor().Steps[1].Invoker(Services(), "{\"Id\":\"o-1\"}", context, default);

        Assert.Equal("null", json);
        Assert.Equal("SnoozeInstruction { For = 00:30:00 }", InstructionOf(context));
    }

    [Fact]
    public void A_step_not_taking_the_delayed_value_is_INQ1010_naming_both_types()
    {
        var (_, _, diagnostics) = TestHelpers.Run("""
            namespace Samples;

            [Workflow("job")]
            public sealed partial class Job
            {
                [Step] public Delayed<int> Wait(string name, StepContext ctx) => ctx.Delay(name.Length, TimeSpan.FromHours(1));

                [Step] public void Use(string text) { }
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("INQ1010", diagnostic.Id);
        Assert.Equal("Step 'Use' takes string, which does not accept int (the value of Inquir.Typed.Delayed<int>) returned by step 'Wait'", diagnostic.GetMessage());
    }

    // The instruction is the runtime's own business (internal): read as the record prints itself.
    private static string? InstructionOf(StepContext context) =>
        typeof(StepContext).GetProperty("Instruction", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(context)?.ToString();

    private static WorkflowDescriptor Descriptor() =>
        (WorkflowDescriptor)Waits.GetType("Samples.Waits.Remind")!.GetProperty("InquirDescriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static IServiceProvider Services() => (IServiceProvider)Activator.CreateInstance(Waits.GetType("Samples.Waits.Services")!)!;

    private static StepContext Context(string step) => new(Guid.NewGuid(), "remind", step, 0, 1, NullLogger.Instance, new ChildRunStepTests.RecordingClient());
}

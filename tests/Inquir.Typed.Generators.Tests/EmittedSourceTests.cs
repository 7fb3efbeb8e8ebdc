namespace Inquir.Typed.Generators.Tests;

/// <summary>The whole text the generator emits for each workflow shape, kept in <c>Snapshots/</c>.</summary>
public class EmittedSourceTests
{
    private static void AssertEmits(string hintName, string snapshot, params string[] sources)
    {
        var (result, _, diagnostics) = TestHelpers.Run(sources);
        Assert.Empty(diagnostics);
        Snapshot.Match(TestHelpers.Generated(result, hintName), snapshot);
    }

    [Fact]
    public void The_export_data_example_emits_descriptor_invokers_and_starters() =>
        AssertEmits("Samples.ExportData.g.cs", "ExportData", Shapes.ExportData);

    [Fact]
    public void A_sync_step_returning_T_is_called_without_await() =>
        AssertEmits("Samples.Math.Sum.g.cs", "SyncStep", Shapes.SyncStep);

    [Fact]
    public void A_Task_step_then_a_void_step_without_data_returns_NoValue() =>
        AssertEmits("Samples.Purge.g.cs", "VoidThenNoData", Shapes.VoidThenNoData);

    [Fact]
    public void A_workflow_without_input_takes_NoValue_and_starters_take_no_input() =>
        AssertEmits("Samples.Nightly.g.cs", "NoInput", Shapes.NoInput);

    [Fact]
    public void A_ValueTask_step_is_awaited_with_arguments_in_its_own_order() =>
        AssertEmits("Samples.Charge.g.cs", "ValueTaskStep", Shapes.ValueTaskStep);

    [Fact]
    public void An_int_IdempotencyKey_is_formatted_with_the_invariant_culture() =>
        AssertEmits("Samples.SendInvoice.g.cs", "IdempotencyKeyInt", Shapes.IdempotencyKeyInt);

    [Fact]
    public void A_nested_workflow_repeats_its_containing_types() =>
        AssertEmits("Samples.Jobs.Search.Reindex.g.cs", "Nested", Shapes.Nested);

    [Fact]
    public void An_internal_workflow_gets_internal_starters() =>
        AssertEmits("Samples.Internal.InternalJob.g.cs", "Internal", Shapes.Internal);

    [Fact]
    public void Sleep_snooze_and_deadline_emit_instruction_encoders_After_MaxSnoozes_and_Deadline() =>
        AssertEmits("Samples.Waits.Remind.g.cs", "Waits", Shapes.Waits);

    [Fact]
    public void AddAllWorkflows_registers_every_generated_workflow_in_name_order() =>
        AssertEmits("InquirGeneratedWorkflowRegistrations.g.cs", "Registrations", Shapes.SyncStep, Shapes.ExportData);
}

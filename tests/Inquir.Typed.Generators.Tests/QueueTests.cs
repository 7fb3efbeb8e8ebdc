namespace Inquir.Typed.Generators.Tests;

/// <summary>The queue named in <c>[Workflow(Queue = …)]</c> reaches the generated descriptor; a name the runtime would refuse is INQ1017.</summary>
public class QueueTests
{
    private const string Source = """
        namespace Run;

        [Workflow("sync-tenant", Queue = "sync")]
        public sealed partial class SyncTenant
        {
            [Step] public int Load(int tenant) => tenant;
        }

        [Workflow("export")]
        public sealed partial class Export
        {
            [Step] public int Render(int id) => id;
        }
        """;

    [Fact]
    public void The_descriptor_carries_the_queue_of_the_attribute_and_default_when_it_names_none()
    {
        var assembly = TestHelpers.CompileAndLoad(Source);

        Assert.Equal("sync", Descriptor(assembly, "Run.SyncTenant").Queue);
        Assert.Equal("default", Descriptor(assembly, "Run.Export").Queue);
    }

    [Theory]
    [InlineData("tenant sync")]
    [InlineData("")]
    [InlineData("-sync")]
    [InlineData("a-queue-name-that-is-longer-than-sixty-four-characters-is-refused")]
    public void A_queue_name_the_database_would_refuse_is_INQ1017(string queue)
    {
        var source = $$"""
            namespace Run;

            [Workflow("sync-tenant", {|Queue = "{{queue}}"|})]
            public sealed partial class SyncTenant
            {
                [Step] public int Load(int tenant) => tenant;
            }
            """;

        var diagnostic = DiagnosticTests.AssertReports("INQ1017", source);

        Assert.Contains($"Queue \"{queue}\"", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static WorkflowDescriptor Descriptor(System.Reflection.Assembly assembly, string type) =>
        (WorkflowDescriptor)assembly.GetType(type)!.GetProperty("InquirDescriptor")!.GetValue(null)!;
}

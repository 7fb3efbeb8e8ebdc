using System.Reflection;
using Inquir.Typed.Generated;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inquir.Typed.Generators.Tests;

/// <summary>
/// Steps that wait for an event: the next step takes the payload (or its EventResult), the descriptor says how the
/// step waits, the invoker encodes the wait, and each event name gets typed senders that refuse a payload of another type.
/// </summary>
public class EventStepTests
{
    internal const string Approvals = """
        namespace Shop;

        public sealed record Order(string Id, decimal Total);

        public sealed record Approval(string By, bool Approved);

        [Workflow("order-flow")]
        public sealed partial class OrderFlow
        {
            [Step] public EventWait<Approval> AwaitApproval(Order order, StepContext ctx) => ctx.WaitForEvent<Approval>("approval", TimeSpan.FromDays(3));

            [Step] public string Ship(Approval approval) => approval.By;

            [Step] public EventWait<int> AwaitDelivery(string by, StepContext ctx) => ctx.WaitForEvent<int>(name: "delivery.done", timeout: "2h");

            [Step] public bool Close(EventResult<int> delivery) => !delivery.TimedOut;
        }
        """;

    [Fact]
    public void The_generated_source_of_a_workflow_that_waits_for_events()
    {
        var (result, output, diagnostics) = TestHelpers.Run(Approvals);

        Assert.Empty(diagnostics);
        Assert.Empty(TestHelpers.CompileDiagnostics(output));
        Snapshot.Match(TestHelpers.Generated(result, "Shop.OrderFlow.g.cs"), "EventWaits");
    }

    [Fact]
    public void The_descriptor_names_the_events_and_whether_a_timeout_is_handed_on()
    {
        var descriptor = Descriptor(TestHelpers.CompileAndLoad(Approvals), "Shop.OrderFlow");

        var approval = Assert.IsType<StepEvent>(descriptor.Steps[0].Event, exactMatch: false);
        var delivery = Assert.IsType<StepEvent>(descriptor.Steps[2].Event, exactMatch: false);
        Assert.Equal(["approval"], approval.Names);
        Assert.Equal((false, "Approval"), (approval.TimeoutAsResult, approval.PayloadType.Name));
        Assert.Equal(["delivery.done"], delivery.Names);
        Assert.Equal((true, typeof(int)), (delivery.TimeoutAsResult, delivery.PayloadType));
        Assert.Null(descriptor.Steps[1].Event);
        Assert.Same(approval, descriptor.FindEvent("approval"));
        Assert.Null(descriptor.FindEvent("refund"));
    }

    [Fact]
    public async Task The_invoker_encodes_the_wait_and_the_next_step_reads_the_event_result()
    {
        var assembly = TestHelpers.CompileAndLoad(Approvals, """
            namespace Shop;

            public sealed class Services : IServiceProvider
            {
                public object? GetService(Type serviceType) => serviceType == typeof(OrderFlow) ? new OrderFlow() : null;
            }
            """);
        var services = (IServiceProvider)Activator.CreateInstance(assembly.GetType("Shop.Services")!)!;
        var descriptor = Descriptor(assembly, "Shop.OrderFlow");
        var context = new StepContext(Guid.NewGuid(), "order-flow", "AwaitApproval", 0, 1, NullLogger.Instance, new NoClient());

        var wait = await descriptor.Steps[0].Invoker(services, "{\"Id\":\"o-1\",\"Total\":3}", context, default);
        var shipped = await descriptor.Steps[1].Invoker(services, "{\"By\":\"ann\",\"Approved\":true}", context, default);
        var closedOnTime = await descriptor.Steps[3].Invoker(services, "{\"TimedOut\":false,\"Value\":7,\"EventId\":\"e-1\"}", context, default);
        var closedLate = await descriptor.Steps[3].Invoker(services, "{\"TimedOut\":true,\"Value\":null,\"EventId\":null}", context, default);

        Assert.Equal("{\"name\":\"approval\",\"timeoutMs\":259200000}", wait);
        Assert.Equal("\"ann\"", shipped);
        Assert.Equal(("true", "false"), (closedOnTime, closedLate));
    }

    [Fact]
    public void Each_event_gets_typed_senders_by_run_id_and_by_key()
    {
        var (_, output, diagnostics) = TestHelpers.Run(Approvals, """
            namespace Shop;

            public static class Mail
            {
                public static async Task Approve(IWorkflowClient client, Guid runId)
                {
                    SentEvent byId = await client.SendOrderFlowApprovalAsync(runId, new Approval("ann", true), "mail-4711");
                    SentEvent byKey = await client.SendOrderFlowApprovalAsync("order-1", new Approval("bob", false), "mail-4712");
                    await client.SendOrderFlowDeliveryDoneAsync(runId, 3, "courier-1");
                }
            }
            """);

        Assert.Empty(diagnostics);
        Assert.Empty(TestHelpers.CompileDiagnostics(output));
    }

    [Fact]
    public void A_payload_of_the_wrong_type_does_not_compile()
    {
        var (_, output, diagnostics) = TestHelpers.Run(Approvals, """
            namespace Shop;

            public static class Mail
            {
                public static Task Approve(IWorkflowClient client, Guid runId) =>
                    client.SendOrderFlowApprovalAsync(runId, new Order("o-1", 3), "mail-4711");
            }
            """);

        Assert.Empty(diagnostics);
        var error = Assert.Single(TestHelpers.CompileDiagnostics(output));
        Assert.Equal("CS1503", error.Id);
        Assert.Contains("Shop.Order", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_not_taking_the_payload_is_INQ1010_naming_the_event_wait()
    {
        var (_, _, diagnostics) = TestHelpers.Run("""
            namespace Shop;

            [Workflow("order-flow")]
            public sealed partial class OrderFlow
            {
                [Step] public EventWait<int> Await(string id, StepContext ctx) => ctx.WaitForEvent<int>("approval", TimeSpan.FromHours(1));

                [Step] public void Use(string text) { }
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("INQ1010", diagnostic.Id);
        Assert.Equal("Step 'Use' takes string, which does not accept int (the payload of EventWait<int>) returned by step 'Await'", diagnostic.GetMessage());
    }

    [Fact]
    public void An_event_result_of_another_payload_is_INQ1010()
    {
        var (_, _, diagnostics) = TestHelpers.Run("""
            namespace Shop;

            [Workflow("order-flow")]
            public sealed partial class OrderFlow
            {
                [Step] public EventWait<int> Await(string id, StepContext ctx) => ctx.WaitForEvent<int>("approval", TimeSpan.FromHours(1));

                [Step] public void Use(EventResult<string> result) { }
            }
            """);

        Assert.Equal("INQ1010", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void One_event_name_with_two_payload_types_is_INQ1030()
    {
        var (_, _, diagnostics) = TestHelpers.Run("""
            namespace Shop;

            [Workflow("order-flow")]
            public sealed partial class OrderFlow
            {
                [Step] public EventWait<int> First(string id, StepContext ctx) => ctx.WaitForEvent<int>("approval", TimeSpan.FromHours(1));

                [Step] public EventWait<string> Second(int n, StepContext ctx) => ctx.WaitForEvent<string>("approval", TimeSpan.FromHours(1));

                [Step] public void Use(string text) { }
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("INQ1030", diagnostic.Id);
        Assert.Equal("Workflow class 'OrderFlow' waits for event 'approval' with payload int and with payload string; one event name has one payload type, so that its typed sender knows what to send", diagnostic.GetMessage());
    }

    [Fact]
    public void Two_event_names_with_one_sender_name_are_INQ1031()
    {
        var (_, _, diagnostics) = TestHelpers.Run("""
            namespace Shop;

            [Workflow("order-flow")]
            public sealed partial class OrderFlow
            {
                [Step] public EventWait<int> First(string id, StepContext ctx) => ctx.WaitForEvent<int>("payment-done", TimeSpan.FromHours(1));

                [Step] public EventWait<int> Second(int n, StepContext ctx) => ctx.WaitForEvent<int>("payment.done", TimeSpan.FromHours(1));

                [Step] public void Use(int n) { }
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("INQ1031", diagnostic.Id);
        Assert.Contains("SendOrderFlowPaymentDoneAsync", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_that_is_not_a_constant_gets_no_sender_and_any_name_may_be_sent()
    {
        var (result, output, diagnostics) = TestHelpers.Run("""
            namespace Shop;

            [Workflow("order-flow")]
            public sealed partial class OrderFlow
            {
                [Step] public EventWait<int> Await(string id, StepContext ctx) => ctx.WaitForEvent<int>("approval-" + id, TimeSpan.FromHours(1));

                [Step] public void Use(int n) { }
            }
            """);

        Assert.Empty(diagnostics);
        Assert.Empty(TestHelpers.CompileDiagnostics(output));
        var source = TestHelpers.Generated(result, "Shop.OrderFlow.g.cs");
        Assert.DoesNotContain("SendOrderFlow", source, StringComparison.Ordinal);
        Assert.Contains("StepEvent<int>(global::System.Array.Empty<string>()", source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"3 days\"", "\"3 days\" is not a duration: the number 3 has no unit (ms, s, m, h or d)")]
    [InlineData("\"1y\"", "\"1y\" is not a duration: \"y\" is not a unit")]
    [InlineData("\"400d\"", "\"400d\" is not a duration: it is longer than 365 days")]
    [InlineData("\"\"", "a duration is empty")]
    [InlineData("\"0s\"", "a zero timeout ends the wait before any event can arrive")]
    [InlineData("timeout: Timeout", "\"90\" is not a duration: the number 90 has no unit")]
    public void A_constant_timeout_text_the_runtime_would_refuse_is_INQ1032_at_the_argument(string timeout, string why)
    {
        var source = $$"""
            namespace Shop;

            [Workflow("order-flow")]
            public sealed partial class OrderFlow
            {
                private const string Timeout = "90";

                [Step] public EventWait<int> Await(string id, StepContext ctx) => ctx.WaitForEvent<int>("approval", {{timeout}});

                [Step] public void Use(int n) { }
            }
            """;

        var (_, _, diagnostics) = TestHelpers.Run(source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("INQ1032", diagnostic.Id);
        Assert.StartsWith("Step 'Await' waits for an event with timeout = \"", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(why, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(timeout, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Theory]
    [InlineData("\" \"", "an event name is not empty or white space")]
    [InlineData("Name", "an event name is at most 200 characters, this one has 201")]
    public void A_constant_event_name_the_runtime_would_refuse_is_INQ1032(string name, string why)
    {
        var (_, _, diagnostics) = TestHelpers.Run($$"""
            namespace Shop;

            [Workflow("order-flow")]
            public sealed partial class OrderFlow
            {
                private const string Name = "{{new string('n', 201)}}";

                [Step] public EventWait<int> Await(string id, StepContext ctx) => ctx.WaitForEvent<int>({{name}}, "1h");

                [Step] public void Use(int n) { }
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("INQ1032", diagnostic.Id);
        Assert.EndsWith(why, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_timeout_that_is_not_a_constant_is_left_to_the_runtime()
    {
        var (_, output, diagnostics) = TestHelpers.Run("""
            namespace Shop;

            [Workflow("order-flow")]
            public sealed partial class OrderFlow
            {
                [Step] public EventWait<int> Await(string id, StepContext ctx) => ctx.WaitForEvent<int>("approval", id + "h");

                [Step] public void Use(int n) { }
            }
            """);

        Assert.Empty(diagnostics);
        Assert.Empty(TestHelpers.CompileDiagnostics(output));
    }

    [Fact]
    public void A_payload_type_the_checkpoint_serializer_cannot_carry_is_INQ1101_at_the_waiting_step()
    {
        var (_, _, diagnostics) = TestHelpers.Run("""
            namespace Shop;

            public sealed record Loose(object Anything);

            [Workflow("order-flow")]
            public sealed partial class OrderFlow
            {
                [Step] public EventWait<Loose> Await(string id, StepContext ctx) => ctx.WaitForEvent<Loose>("approval", "1h");

                [Step] public void Use(Loose loose) { }
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("INQ1101", diagnostic.Id);
        Assert.StartsWith("Property 'Shop.Loose.Anything' has type object", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_last_step_that_waits_for_an_event_makes_the_payload_the_workflow_s_result()
    {
        var (result, output, diagnostics) = TestHelpers.Run("""
            namespace Shop;

            public sealed record Approval(string By, bool Approved);

            [Workflow("order-flow")]
            public sealed partial class OrderFlow
            {
                [Step] public EventWait<Approval> Await(string id, StepContext ctx) => ctx.WaitForEvent<Approval>("approval", "1h");
            }
            """);

        Assert.Empty(diagnostics);
        Assert.Empty(TestHelpers.CompileDiagnostics(output));
        Assert.Contains("WorkflowRun<global::Shop.Approval>", TestHelpers.Generated(result, "Shop.OrderFlow.g.cs"), StringComparison.Ordinal);
    }

    private static WorkflowDescriptor Descriptor(Assembly assembly, string type) =>
        (WorkflowDescriptor)assembly.GetType(type)!.GetProperty("InquirDescriptor")!.GetValue(null)!;

    private sealed class NoClient : IWorkflowClient
    {
        public Task<StartedRun> StartAsync(WorkflowDescriptor descriptor, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<StartedRun> StartAsync(string workflowName, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken = default) => Task.FromResult<RunInfo?>(null);
    }
}

namespace Inquir.Typed.Generators.Tests;

/// <summary>Types the generated checkpoint serializers cannot handle: INQ1101–INQ1105, naming the type and the member.</summary>
public partial class DiagnosticTests
{
    private static string WorkflowWithTypes(string types, string members) => $$"""
        using System.Text.Json.Serialization;
        namespace Samples;

        {{types}}

        [Workflow("job")]
        public partial class Job
        {
        {{members}}
        }
        """;

    [Theory]
    [InlineData("public interface IShipper { string Name { get; } }", "IShipper", "it is an interface")]
    [InlineData("public delegate void Notify(string text);", "Notify", "it is a delegate, which is code, not data")]
    [InlineData("", "object", "it can hold any value")]
    [InlineData("public abstract class Shipper { public string Name { get; set; } = \"\"; }", "Shipper", "it is abstract")]
    [InlineData("", "Dictionary<int, string>", "its keys are not strings")]
    [InlineData("", "int[,]", "it is a multi-dimensional array")]
    [InlineData("", "HashSet<string>", "it has no checkpoint format")]
    [InlineData("", "(int, string)", "it has no checkpoint format")]
    public void Property_of_an_unsupported_type_is_INQ1101_naming_the_property_and_its_type(string declaration, string type, string reason)
    {
        var diagnostic = AssertReports("INQ1101", WorkflowWithTypes(
            declaration + "\npublic sealed class Parcel { public " + type + " Shipper { get; set; } = default!; }",
            "    [Step] public void A(Parcel {|parcel|}) { }"));

        var message = diagnostic.GetMessage();
        Assert.StartsWith("Property 'Samples.Parcel.Shipper' has type ", message, StringComparison.Ordinal);
        Assert.Contains("which cannot be stored as a checkpoint: " + reason, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_output_of_an_interface_type_is_INQ1101_at_the_step()
    {
        var diagnostic = AssertReports("INQ1101", WorkflowWithTypes(
            "public interface IReceipt { }",
            "    [Step] public IReceipt {|A|}() => null!;"));

        Assert.StartsWith("The output of step 'A' has type Samples.IReceipt, which cannot be stored as a checkpoint: it is an interface", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_element_of_a_list_is_INQ1101_naming_the_property()
    {
        var diagnostic = AssertReports("INQ1101", WorkflowWithTypes(
            "public interface ILine { }\npublic sealed record Order(List<ILine> Lines);",
            "    [Step] public void A(Order {|order|}) { }"));

        Assert.StartsWith("An element of property 'Samples.Order.Lines' has type Samples.ILine", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ignored_property_of_an_unsupported_type_is_accepted()
    {
        var (_, output, diagnostics) = TestHelpers.Run(WorkflowWithTypes(
            "public sealed class Parcel { public string Id { get; set; } = \"\"; [JsonIgnore] public Action? Callback { get; set; } }",
            "    [Step] public void A(Parcel parcel) { }"));

        Assert.Empty(diagnostics);
        Assert.Empty(TestHelpers.CompileDiagnostics(output));
    }

    [Fact]
    public void Type_that_holds_itself_is_INQ1102_naming_the_path()
    {
        var diagnostic = AssertReports("INQ1102", WorkflowWithTypes(
            "public sealed class Category { public string Name { get; set; } = \"\"; public Category? Parent { get; set; } }",
            "    [Step] public void A(Category {|category|}) { }"));

        Assert.Equal(
            "Property 'Samples.Category.Parent' has type Samples.Category?, which contains itself through 'Samples.Category.Parent'; a checkpoint is a tree of values, so a type that can hold itself cannot be stored",
            diagnostic.GetMessage());
    }

    [Fact]
    public void Type_that_holds_itself_through_a_list_of_another_type_is_INQ1102()
    {
        var diagnostic = AssertReports("INQ1102", WorkflowWithTypes(
            "public sealed record Folder(string Name, List<Entry> Entries);\npublic sealed record Entry(string Name, Folder? Child);",
            "    [Step] public Folder {|A|}() => null!;"));

        Assert.Contains("contains itself through 'Samples.Folder.Entries.Child'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public sealed class Quote { private Quote() { } public decimal Amount { get; set; } }", "it has no public constructor")]
    [InlineData("public sealed class Quote { public Quote(int a) { Amount = a; } public Quote(string a) { } public decimal Amount { get; set; } }", "it has more than one public constructor with parameters; mark the one to use with [JsonConstructor]")]
    [InlineData("public sealed class Quote { public Quote(decimal amount, string currency) { Amount = amount; } public decimal Amount { get; } }", "parameter 'currency' of its constructor matches no public property")]
    [InlineData("public sealed class Quote { public Quote(int amount) { Amount = amount; } public decimal Amount { get; } }", "parameter 'amount' of its constructor is a int but property 'Amount' is a decimal")]
    public void Type_without_a_constructor_to_read_it_is_INQ1103_with_the_reason(string declaration, string reason)
    {
        var diagnostic = AssertReports("INQ1103", WorkflowWithTypes(declaration, "    [Step] public void A(Quote {|quote|}) { }"));

        Assert.StartsWith("The data parameter 'quote' of step 'A' has type Samples.Quote, which cannot be read back from a checkpoint: " + reason, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonConstructor_picks_among_several_constructors()
    {
        var (_, output, diagnostics) = TestHelpers.Run(WorkflowWithTypes(
            "public sealed class Quote { public Quote() { } [JsonConstructor] public Quote(decimal amount) { Amount = amount; } public decimal Amount { get; } }",
            "    [Step] public void A(Quote quote) { }"));

        Assert.Empty(diagnostics);
        Assert.Empty(TestHelpers.CompileDiagnostics(output));
    }

    [Fact]
    public void Private_type_between_two_steps_is_INQ1104_once()
    {
        var diagnostic = AssertReports("INQ1104", """
            namespace Samples;

            [Workflow("job")]
            public partial class Job
            {
                private sealed record Batch(int Count);
                [Step] public Batch {|A|}() => new(1);
                [Step] public int B(Batch batch) => batch.Count;
            }
            """);

        Assert.StartsWith("The output of step 'A' has type Samples.Job.Batch, which is private or protected", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_properties_with_one_json_name_are_INQ1105()
    {
        var diagnostic = AssertReports("INQ1105", WorkflowWithTypes(
            "public sealed class Shipment { [JsonPropertyName(\"id\")] public string TrackingId { get; set; } = \"\"; [JsonPropertyName(\"id\")] public string OrderId { get; set; } = \"\"; }",
            "    [Step] public void A(Shipment {|shipment|}) { }"));

        Assert.Equal("Type Samples.Shipment has more than one property stored as \"id\" ('TrackingId' and 'OrderId'); give each its own [JsonPropertyName]", diagnostic.GetMessage());
    }
}

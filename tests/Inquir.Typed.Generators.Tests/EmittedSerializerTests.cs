namespace Inquir.Typed.Generators.Tests;

/// <summary>The whole text of a generated checkpoint serializer, kept in <c>Snapshots/</c>: what a reviewer of the emitted code reads.</summary>
public class EmittedSerializerTests
{
    private const string Source = """
        namespace Samples;

        public enum Currency { Eur, Usd }

        public sealed record Money(decimal Amount, Currency Currency)
        {
            public string? Memo { get; set; }
        }

        [Workflow("pay")]
        public sealed partial class Pay
        {
            [Step] public void Charge(Money money) { }
        }
        """;

    [Fact]
    public void A_record_with_a_constructor_a_settable_property_and_an_enum_emits_this_serializer()
    {
        var (result, _, diagnostics) = TestHelpers.Run(Source);

        Assert.Empty(diagnostics);
        Snapshot.Match(TestHelpers.Generated(result, "InquirCheckpointSerializers.Money_d1af4237.g.cs"), "MoneySerializer");
    }
}

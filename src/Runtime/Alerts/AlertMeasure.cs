namespace Inquir.Typed;

/// <summary>One evaluation's numbers for one rule, at the database's clock.</summary>
internal sealed record AlertMeasure(DateTimeOffset Now, int Total, int Failures, IReadOnlyList<AlertError> TopErrors)
{
    public double RatePercent => Total == 0 ? 0 : Failures * 100.0 / Total;
}

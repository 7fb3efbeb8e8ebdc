namespace Inquir.Typed.Storage;

/// <summary>A pass of the unknown-step report (<c>ReportUnknownSteps.sql</c>): up to <paramref name="Limit"/> due runs at steps not in <paramref name="Known"/>.</summary>
internal sealed record ReportUnknownStepsRequest(KnownSteps Known, DateTimeOffset? Now, int Limit);

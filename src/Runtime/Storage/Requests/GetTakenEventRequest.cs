namespace Inquir.Typed.Storage;

/// <summary>The event that the wait of step <paramref name="StepIndex"/> of a run took in <paramref name="Execution"/> (<c>Events/GetTakenEvent.sql</c>).</summary>
internal sealed record GetTakenEventRequest(Guid RunId, string Name, int StepIndex, int Execution);

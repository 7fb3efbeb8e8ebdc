namespace Inquir.Typed.Storage;

/// <summary>A run a worker holds, identified by the token of its current lease.</summary>
internal readonly record struct HeldRun(Guid RunId, Guid LeaseToken);

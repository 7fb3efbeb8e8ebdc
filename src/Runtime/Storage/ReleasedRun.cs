namespace Inquir.Typed.Storage;

/// <summary>A held run handed back; an attempt that never started leaves no attempt row.</summary>
internal readonly record struct ReleasedRun(HeldRun Run, bool AttemptStarted);

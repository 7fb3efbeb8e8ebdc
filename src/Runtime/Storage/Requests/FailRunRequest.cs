namespace Inquir.Typed.Storage;

/// <summary>A held run to fail without an attempt (<c>FailRun.sql</c>), with its error.</summary>
internal sealed record FailRunRequest(HeldRun Run, string Error, DateTimeOffset? Now);

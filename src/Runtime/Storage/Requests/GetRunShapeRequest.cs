namespace Inquir.Typed.Storage;

/// <summary>Which recorded shape to read (<c>GetRunShape.sql</c>): the workflow and the fingerprint (<see cref="ClaimedRun.Shape"/>).</summary>
internal sealed record GetRunShapeRequest(string Workflow, long Shape);

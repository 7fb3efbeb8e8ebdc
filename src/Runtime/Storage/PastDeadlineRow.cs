namespace Inquir.Typed.Storage;

/// <summary>A run <c>FindPastDeadline.sql</c> found past its deadline (times arrive as UTC <see cref="DateTime"/>).</summary>
internal sealed record PastDeadlineRow(Guid Id, Guid? ParentRunId, DateTime CreatedAt, DateTime DeadlineAt);

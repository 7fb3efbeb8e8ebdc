namespace Inquir.Typed.Storage;

/// <summary>One busy key of a limit (<c>Limits/ListBusiestKeys.sql</c>).</summary>
internal sealed record LimitKeyRow(string Name, string Key, long Running, long Waiting);

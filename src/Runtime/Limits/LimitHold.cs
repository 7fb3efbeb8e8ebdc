namespace Inquir.Typed;

/// <summary>The limit that holds a run back, and the key it counts under (empty for a limit not kept per key).</summary>
/// <param name="Limit">The limit's name: a shared limit's, the workflow's, or <c>{workflow}.{step}</c>.</param>
/// <param name="Key">The key, such as a tenant; empty when the limit is one for all runs.</param>
public sealed record LimitHold(string Limit, string Key);

namespace Inquir.Typed;

/// <summary>One key of a keyed limit and its runs.</summary>
public sealed record LimitKeyInfo
{
    /// <summary>The key, such as a tenant; empty for runs started without one.</summary>
    public required string Key { get; init; }

    /// <summary>Runs of the key holding a slot now.</summary>
    public required long Running { get; init; }

    /// <summary>Runs of the key held waiting for a slot.</summary>
    public required long Waiting { get; init; }
}

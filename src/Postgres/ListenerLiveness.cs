namespace Inquir.Typed.Postgres;

/// <summary>
/// How the LISTEN connection proves it is alive. A connection dropped without a word (a network partition, a
/// failover behind a proxy) would otherwise be waited on for ever: after <see cref="IdleProbeAfter"/> without a
/// notification the listener sends a round trip, and one not answered within <see cref="ProbeTimeout"/> breaks the
/// connection, so the listener reconnects and listens again.
/// </summary>
internal sealed record ListenerLiveness(TimeSpan IdleProbeAfter, TimeSpan ProbeTimeout)
{
    /// <summary>A dead connection is noticed within about 45 s, at the cost of one tiny round trip per 30 s of quiet.</summary>
    public static readonly ListenerLiveness Default = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(15));

    // Npgsql's command timeout is whole seconds.
    public int ProbeTimeoutSeconds => (int)Math.Ceiling(ProbeTimeout.TotalSeconds);
}

namespace Inquir.Typed.Worker;

/// <summary>
/// The two stages of a graceful stop: first no new step starts (<see cref="Stopping"/>), then, after the grace
/// period, steps still running are cancelled and their runs handed back (<see cref="Abort"/>).
/// </summary>
internal readonly record struct ShutdownTokens(CancellationToken Stopping, CancellationToken Abort);

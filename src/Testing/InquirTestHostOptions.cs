using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Testing;

/// <summary>Settings of an <see cref="InquirTestHost"/>; every one has a default that suits a unit test.</summary>
public sealed class InquirTestHostOptions
{
    /// <summary>
    /// Where the fake clock starts. Default: the real time at start, to the whole second, so that times in messages
    /// and in the history read like today's.
    /// </summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>
    /// Where in its jitter range every retry delay falls, from 0 (no wait) to 1 (the full backoff delay). Default 1,
    /// so that the delays between attempts are exactly the step's backoff (1 s, 2 s, 4 s for <c>"exp"</c> with
    /// <c>Delay = "1s"</c>) and a test can assert them.
    /// </summary>
    public double RetryJitter { get; set; } = 1;

    /// <summary>
    /// How long, in real time, <see cref="InquirTestHost.RunUntilIdleAsync"/> waits for the due work to finish before
    /// it throws a <see cref="TimeoutException"/> naming what is still running. Default 30 s.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Configuration keys and values the host starts with, such as <c>Inquir:Workflows:upload:Steps:Upload:Retries</c>.</summary>
    public IDictionary<string, string?> Configuration { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Changes the runtime's options (the worker's, the attempt logs'…); the store stays the test host's SQLite file.</summary>
    public Action<InquirOptions>? ConfigureInquir { get; set; }

    /// <summary>The least level of the log lines written to the console. Default <see cref="LogLevel.Warning"/>.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

    internal void Validate()
    {
        if (RetryJitter is < 0 or > 1 || double.IsNaN(RetryJitter))
        {
            throw new ArgumentOutOfRangeException(nameof(RetryJitter), RetryJitter, "RetryJitter must be between 0 and 1.");
        }

        if (IdleTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(IdleTimeout), IdleTimeout, "IdleTimeout must be positive.");
        }
    }
}

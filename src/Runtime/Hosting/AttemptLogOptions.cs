using Microsoft.Extensions.Logging;

namespace Inquir.Typed;

/// <summary>
/// Which lines a step writes through <see cref="StepContext.Logger"/> are kept with its attempt, beside the
/// attempt's outcome, in the same commit. Every line still goes to the application's own logging as well.
/// Bound from <c>Inquir:AttemptLogs</c>.
/// </summary>
public sealed class AttemptLogOptions
{
    /// <summary>The largest <see cref="MaxLines"/> allowed.</summary>
    public const int MaxLinesLimit = 10_000;

    /// <summary>The largest <see cref="MaxBytes"/> allowed: 1 MiB.</summary>
    public const int MaxBytesLimit = 1024 * 1024;

    /// <summary>Whether lines are kept at all. Default on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The lowest level kept. Default <see cref="LogLevel.Information"/>.</summary>
    public LogLevel MinimumLevel { get; set; } = LogLevel.Information;

    /// <summary>The most lines kept per attempt; later ones are counted as dropped. Default 100.</summary>
    public int MaxLines { get; set; } = 100;

    /// <summary>The most UTF-8 bytes of text (messages, exceptions, values) kept per attempt. Default 64 KiB.</summary>
    public int MaxBytes { get; set; } = 64 * 1024;
}

using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Worker;

/// <summary>
/// The logger a step sees as <see cref="StepContext.Logger"/>: every line goes on to the application's logging as
/// before, and the lines at or above the kept level are also added to the attempt's <see cref="AttemptLog"/>,
/// whatever level the application's logging filters at.
/// </summary>
internal sealed class CapturingLogger(ILogger inner, AttemptLog log) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => log.Keeps(logLevel) || inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (log.Keeps(logLevel))
        {
            log.Add(logLevel, state, exception, formatter);
        }

        if (inner.IsEnabled(logLevel))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>A logger provider that keeps every formatted message and exception, to check what the runtime logs.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    /// <summary>Each entry: level, category, message and the exception's full text.</summary>
    public IReadOnlyCollection<string> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}

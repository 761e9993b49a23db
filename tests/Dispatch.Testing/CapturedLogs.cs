using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dispatch.Testing;

/// <summary>Keeps everything a host logs through this provider, at every level: the formatted message, every
/// structured value (what a telemetry sink would store beside it), scopes and exceptions; to check what logs reveal.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    /// <summary>Whether a line holding <paramref name="text"/> is logged within <paramref name="within"/>, looking every
    /// 50 ms: for what a host does in the background.</summary>
    public async Task<bool> SaidWithinAsync(string text, TimeSpan within)
    {
        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(50))
        {
            if (_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                return true;
            }

            if (waited >= within)
            {
                return false;
            }

            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue($"scope {category}: {state}{Values(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{Values(state)}{(exception is null ? "" : " " + exception)}");

        private static string Values<TState>(TState state) => state is IEnumerable<KeyValuePair<string, object?>> values
            ? " | " + string.Join(" ", values.Select(kv => $"{kv.Key}={kv.Value}"))
            : "";
    }
}

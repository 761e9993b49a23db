using System.Collections.Concurrent;

namespace Dispatch.App.SignIn;

/// <summary>A code as the demo outbox holds it.</summary>
public sealed record OutboxCode(string Phone, string Code, DateTimeOffset SentAt);

/// <summary>The demo's and the tests' channel: keeps the latest code per phone in memory, for the demo-only route
/// that shows them (so one person can try sign-in without a phone) and for tests. Never logs a code. Not for
/// production: anyone who can read the demo route can sign in as anyone.</summary>
public sealed class CodeOutbox(TimeProvider clock) : ISignInCodeSender
{
    private readonly ConcurrentDictionary<string, OutboxCode> _latest = new(StringComparer.Ordinal);

    public Task SendAsync(string phone, string code, CancellationToken cancellationToken)
    {
        _latest[phone] = new OutboxCode(phone, code, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public string? LatestFor(string phone) => _latest.TryGetValue(phone, out var sent) ? sent.Code : null;

    /// <summary>The latest code of every phone, newest first.</summary>
    public IReadOnlyList<OutboxCode> Latest() => [.. _latest.Values.OrderByDescending(c => c.SentAt)];
}

namespace Dispatch.App.Problems;

/// <summary>The assignment queue's broker is out of reach or did not answer within its time budget: answered
/// 503 queue-unavailable with Retry-After, like storage.</summary>
public sealed class QueueUnavailableException(string message, Exception inner) : Exception(message, inner)
{
    public const int RetryAfterSeconds = 10;
}

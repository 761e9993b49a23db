namespace Dispatch.Core.Notifications;

/// <summary>When a failed delivery is tried again: after 1, 5 and 30 minutes, then it is given up (a dead letter
/// organizers see). Pure: the caller passes the attempt that failed and the time it failed.</summary>
public sealed record DeliveryPolicy(IReadOnlyList<TimeSpan> Delays)
{
    public static DeliveryPolicy Default { get; } =
        new([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)]);

    /// <summary>Attempts in all: the first and one per delay.</summary>
    public int MaxAttempts => Delays.Count + 1;

    /// <summary>After attempt <paramref name="attempt"/> (1-based) failed at <paramref name="now"/>: the time of the
    /// next attempt, or null when that was the last one.</summary>
    public DateTimeOffset? NextAttemptAt(int attempt, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        return attempt <= Delays.Count ? now + Delays[attempt - 1] : null;
    }

    /// <summary>The outcome a failure of attempt <paramref name="attempt"/> leaves.</summary>
    public DeliveryOutcome AfterFailure(int attempt) =>
        NextAttemptAt(attempt, DateTimeOffset.UnixEpoch) is null ? DeliveryOutcome.Failed : DeliveryOutcome.Retrying;
}

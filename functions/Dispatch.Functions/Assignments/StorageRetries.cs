namespace Dispatch.Functions.Assignments;

/// <summary>How long the consumer waits before trying an offer again while storage is out of reach. Abandoning
/// would redeliver at once and use up the queue's 5 deliveries within seconds; these waits cover an outage of
/// about 22 minutes before the offer is dead-lettered for the organizers.</summary>
public static class StorageRetries
{
    private static readonly TimeSpan[] Waits =
    [
        TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15),
    ];

    /// <summary>Retries after the first failed delivery; the next failure dead-letters the offer.</summary>
    public static int Max => Waits.Length;

    /// <summary>The wait before retry number <paramref name="retry"/> (1 = the first).</summary>
    public static TimeSpan Wait(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        return Waits[Math.Min(retry, Waits.Length) - 1];
    }
}

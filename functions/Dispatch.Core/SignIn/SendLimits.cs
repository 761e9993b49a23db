namespace Dispatch.Core.SignIn;

/// <summary>Whether a code may be sent now, and if not, how long to wait.</summary>
public sealed record SendDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static SendDecision Allow { get; } = new(true, TimeSpan.Zero);

    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}

/// <summary>The send limits per phone and per client address, over the times codes were sent (the caller keeps
/// the last hour's).</summary>
public static class SendLimits
{
    /// <summary>A phone: one code per <see cref="SignInPolicy.PhoneInterval"/>, <see cref="SignInPolicy.PhonePerHour"/> an hour.</summary>
    public static SendDecision ForPhone(IReadOnlyList<DateTimeOffset> sentAt, DateTimeOffset now, SignInPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(sentAt);
        ArgumentNullException.ThrowIfNull(policy);
        var recent = Recent(sentAt, now);
        var hourly = Hourly(recent, now, policy.PhonePerHour);
        // Both limits may refuse: the wait is the longer one, so trying again after it succeeds.
        return recent.Count > 0 && now < recent[^1] + policy.PhoneInterval
            ? new(false, TimeSpan.FromTicks(Math.Max((recent[^1] + policy.PhoneInterval - now).Ticks, hourly.RetryAfter.Ticks)))
            : hourly;
    }

    /// <summary>A client address: <see cref="SignInPolicy.AddressPerHour"/> codes an hour.</summary>
    public static SendDecision ForAddress(IReadOnlyList<DateTimeOffset> sentAt, DateTimeOffset now, SignInPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(sentAt);
        ArgumentNullException.ThrowIfNull(policy);
        return Hourly(Recent(sentAt, now), now, policy.AddressPerHour);
    }

    /// <summary>The send times still inside the hour, oldest first, with <paramref name="now"/> added: what to store
    /// after a send (older ones no longer count, so the list never grows past the hourly limit).</summary>
    public static IReadOnlyList<DateTimeOffset> After(IReadOnlyList<DateTimeOffset> sentAt, DateTimeOffset now) =>
        [.. Recent(sentAt, now), now];

    private static List<DateTimeOffset> Recent(IReadOnlyList<DateTimeOffset> sentAt, DateTimeOffset now) =>
        sentAt.Where(t => t > now - SignInPolicy.Hour && t <= now).Order().ToList();

    private static SendDecision Hourly(List<DateTimeOffset> recent, DateTimeOffset now, int perHour) =>
        recent.Count < perHour ? SendDecision.Allow : new(false, recent[^perHour] + SignInPolicy.Hour - now);
}

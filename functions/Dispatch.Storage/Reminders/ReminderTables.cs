namespace Dispatch.Storage;

/// <summary>The reminder tables, created on first use (<see cref="FeatureTable"/>) rather than in
/// <see cref="StorageAccount.EnsureCreatedAsync"/>, so reminders stay one self-contained feature.</summary>
public static class ReminderTables
{
    /// <summary>Per recipient: what was sent (dedupe) and the day's cap slots; and the sweep's day marks.</summary>
    public const string Ledger = "reminders";

    /// <summary>Reminders held back by quiet hours, by due time.</summary>
    public const string Deferrals = "reminderdeferrals";

    public static IReadOnlyList<string> All { get; } = [Ledger, Deferrals];
}

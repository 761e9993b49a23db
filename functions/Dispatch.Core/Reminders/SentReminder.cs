namespace Dispatch.Core.Reminders;

/// <summary>A reminder already delivered to the recipient: its dedupe key and when.</summary>
public sealed record SentReminder(string Key, DateTimeOffset At);

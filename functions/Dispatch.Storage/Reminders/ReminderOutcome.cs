using Dispatch.Core.Reminders;

namespace Dispatch.Storage;

/// <summary>What happened to one reminder, for the host's log: sent, deferred until a time, or dropped.</summary>
public sealed record ReminderOutcome(Reminder Reminder, ReminderDecision Decision);

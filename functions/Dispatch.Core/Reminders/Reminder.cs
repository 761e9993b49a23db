using Dispatch.Core.Orders;

namespace Dispatch.Core.Reminders;

/// <summary>A reminder someone should get: to whom, about what, and when it stops making sense. Ids only,
/// never personal data.</summary>
/// <param name="To">Member (by member id) or Resident (by order id).</param>
/// <param name="RecipientId">The member id, or the order id for a resident.</param>
/// <param name="Subject">What the notice is about: an order id, or e.g. "quota-2026-Q4".</param>
/// <param name="Key">Unique per recipient and thing reminded about: the same key is delivered at most once.</param>
/// <param name="WantedAt">The earliest moment it should arrive.</param>
/// <param name="ExpiresAt">After this it is pointless and is dropped rather than delivered.</param>
/// <param name="Text">Ids the pages can show (e.g. suggested wishes); no personal data.</param>
/// <param name="Source">The order notice it came from, so a deferred one can be re-checked against the order.</param>
public sealed record Reminder(
    Recipient To,
    string RecipientId,
    NoticeKind Kind,
    string Subject,
    string Key,
    DateTimeOffset WantedAt,
    ReminderUrgency Urgency,
    DateTimeOffset? ExpiresAt = null,
    string? Text = null,
    Notify? Source = null);

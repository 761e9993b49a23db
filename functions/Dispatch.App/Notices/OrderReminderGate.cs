using Dispatch.App.Channels;
using Microsoft.Extensions.Logging;
using Dispatch.Core.Orders;
using Dispatch.Core.Reminders;
using Dispatch.Storage;

namespace Dispatch.App.Notices;

/// <summary>The notifier's turn-off for reminders: order notices that are reminders go through the policy
/// (quiet hours, daily cap, once per key) instead of straight to the notice list.</summary>
public sealed class OrderReminderGate(
    OrderStore orders, ReminderPost post, ChannelDelivery channels, TimeProvider clock, ILogger<OrderReminderGate> logger)
{
    /// <summary>True if the notice was a reminder and has been handled (sent, deferred or dropped).</summary>
    public async Task<bool> TryHandleAsync(Notify notify, CancellationToken ct)
    {
        if (!OrderReminders.IsReminder(notify.Notice))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var order = await orders.GetAsync(notify.OrderId, ct);
        if (order is null || OrderReminders.From(notify, order.State, now) is not { } reminder)
        {
            logger.LogWarning("Reminder {Notice} for unknown order {OrderId} dropped", notify.Notice, notify.OrderId);
            return true;
        }

        var outcome = await post.OfferAsync(reminder, now, ct);
        ReminderLog.Write(logger, outcome);
        if (outcome.Decision is SendNow && reminder.To == Recipient.Member)
        {
            // Only a reminder the policy sends now goes out on the member's channels (quiet hours hold the rest).
            await channels.ReminderAsync(notify.OrderId, reminder.RecipientId, reminder.Key, ct);
        }

        return true;
    }
}

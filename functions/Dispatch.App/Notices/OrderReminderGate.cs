using Microsoft.Extensions.Logging;
using Dispatch.Core.Orders;
using Dispatch.Core.Reminders;
using Dispatch.Storage;

namespace Dispatch.App.Notices;

/// <summary>The notifier's turn-off for reminders: order notices that are reminders go through the policy
/// (quiet hours, daily cap, once per key) instead of straight to the notice list.</summary>
public sealed class OrderReminderGate(OrderStore orders, ReminderPost post, TimeProvider clock, ILogger<OrderReminderGate> logger)
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

        ReminderLog.Write(logger, await post.OfferAsync(reminder, now, ct));
        return true;
    }
}

using Dispatch.Core.Orders;
using Dispatch.Core.Reminders;
using Dispatch.Core.Time;

namespace Dispatch.Storage;

/// <summary>Delivers reminders through the policy, host-neutrally: a sent reminder is recorded in the ledger
/// and written to the recipient's notices (the same list offers and status notices go to); a deferred one
/// becomes a durable row that <see cref="ReleaseDueAsync"/> offers again when due.</summary>
public sealed class ReminderPost(
    ReminderLedger ledger,
    ReminderDeferrals deferrals,
    NoticeStore notices,
    OrderStore orders,
    OrderDecider decider,
    ReminderPolicy policy)
{
    public const int Batch = 100;

    /// <summary>Bounds re-decisions when other senders keep taking the day's slots first.</summary>
    public const int RecordTries = 5;

    public ReminderPolicy Policy { get; } = policy;

    public static string RecipientKey(Reminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return reminder.To switch
        {
            Recipient.Member => NoticeRecipient.Member(reminder.RecipientId),
            Recipient.Resident => NoticeRecipient.Resident(reminder.RecipientId),
            _ => NoticeRecipient.Organizers(reminder.RecipientId),
        };
    }

    /// <summary>Decides and acts: send (record, then write the notice), defer (store the row), or drop.</summary>
    public async Task<ReminderOutcome> OfferAsync(Reminder reminder, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var recipient = RecipientKey(reminder);
        var today = ChinaTime.DateOf(now);
        for (var attempt = 0; attempt < RecordTries; attempt++)
        {
            var sent = await ledger.SentAsync(recipient, reminder.Key, today, cancellationToken).ConfigureAwait(false);
            var decision = Policy.Decide(reminder, sent, now);
            switch (decision)
            {
                case SendNow:
                    var slot = sent.Count(s => s.Key != reminder.Key && ChinaTime.DateOf(s.At) == today) + 1;
                    var recorded = await ledger.TryRecordAsync(recipient, reminder, today, slot, now, cancellationToken).ConfigureAwait(false);
                    if (recorded == RecordOutcome.SlotTaken)
                    {
                        continue;
                    }

                    // Also on Duplicate: the ledger row may be from a run that crashed before writing the
                    // notice; the notice store's own dedupe makes this write a no-op otherwise.
                    await WriteNoticeAsync(recipient, reminder, now, cancellationToken).ConfigureAwait(false);
                    return new ReminderOutcome(reminder, recorded == RecordOutcome.Recorded ? decision : new Drop(DropReason.Duplicate));
                case DeferUntil defer:
                    await deferrals.DeferAsync(recipient, reminder, defer.At, cancellationToken).ConfigureAwait(false);
                    return new ReminderOutcome(reminder, decision);
                case Drop { Reason: DropReason.Duplicate }:
                    var first = sent.First(s => s.Key == reminder.Key);
                    await WriteNoticeAsync(recipient, reminder, first.At, cancellationToken).ConfigureAwait(false);
                    return new ReminderOutcome(reminder, decision);
                default:
                    return new ReminderOutcome(reminder, decision);
            }
        }

        return new ReminderOutcome(reminder, new Drop(DropReason.DailyCapReached));
    }

    /// <summary>Offers every due deferral again: time-critical ones first, so they get the day's slots. An
    /// order reminder is first re-checked against its order (it may have been accepted, cancelled or
    /// confirmed overnight). The row goes only after the outcome is stored, so a crash repeats the offer —
    /// and the ledger turns the repeat into a no-op.</summary>
    public async Task<IReadOnlyList<ReminderOutcome>> ReleaseDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<ReminderOutcome>();
        for (var round = 0; round < 50; round++)
        {
            var due = await deferrals.DueAsync(now, Batch, cancellationToken).ConfigureAwait(false);
            foreach (var deferred in due
                         .OrderByDescending(d => d.Reminder.Urgency)
                         .ThenBy(d => d.Reminder.WantedAt)
                         .ThenBy(d => d.Row, StringComparer.Ordinal))
            {
                outcomes.Add(await ReleaseAsync(deferred.Reminder, now, cancellationToken).ConfigureAwait(false));
                await deferrals.DeleteAsync(deferred, cancellationToken).ConfigureAwait(false);
            }

            if (due.Count < Batch)
            {
                break;
            }
        }

        return outcomes;
    }

    private async Task<ReminderOutcome> ReleaseAsync(Reminder reminder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (reminder.Source is { } notify)
        {
            var order = await orders.GetAsync(notify.OrderId, cancellationToken).ConfigureAwait(false);
            if (order is null || !OrderReminders.StillDue(decider, order.State, notify, now))
            {
                return new ReminderOutcome(reminder, new Drop(DropReason.Stale));
            }
        }

        return await OfferAsync(reminder, now, cancellationToken).ConfigureAwait(false);
    }

    private Task WriteNoticeAsync(string recipient, Reminder reminder, DateTimeOffset at, CancellationToken cancellationToken) =>
        notices.AddAsync(recipient, reminder.Subject, reminder.Kind, reminder.Key, at, reminder.Text, cancellationToken);
}

using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Dispatch.Core.Reminders;

namespace Dispatch.Storage;

public enum RecordOutcome
{
    Recorded,

    /// <summary>The key was already recorded for this recipient: deliver nothing new.</summary>
    Duplicate,

    /// <summary>Someone else took that cap slot of the day first: re-read and decide again.</summary>
    SlotTaken,
}

/// <summary>The <c>reminders</c> table, partition = recipient key (as in <see cref="NoticeRecipient"/>).
/// "k|{hash}" marks a key as sent (hash = SHA-256 of the dedupe key); "c|{yyyyMMdd}|{n}" is the n-th reminder
/// slot of that China day. Both are added in one transaction, so two senders racing for the last slot or for
/// the same key cannot both win: the cap and "once per key" hold under concurrency, not just in the policy.</summary>
public sealed class ReminderLedger(StorageAccount account)
{
    private readonly FeatureTable _table = new(account, ReminderTables.Ledger);

    public static string KeyRow(string key) => $"k|{Keys.Sha256Hex(key)[..32]}";

    public static string SlotPrefix(DateOnly day) => $"c|{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}|";

    /// <summary>What the policy needs: the reminders sent on <paramref name="day"/>, plus the one with
    /// <paramref name="key"/> whenever it was sent.</summary>
    public async Task<IReadOnlyList<SentReminder>> SentAsync(string recipientKey, string key, DateOnly day, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<SentReminder>();
        var same = await table.GetEntityIfExistsAsync<TableEntity>(recipientKey, KeyRow(key), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (same.HasValue && same.Value is { } k)
        {
            list.Add(ToSent(k));
        }

        var from = SlotPrefix(day);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {recipientKey} and RowKey ge {from} and RowKey lt {Keys.PrefixEnd(from)}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToSent(e));
        }

        return list;
    }

    /// <summary>Records the reminder as sent at <paramref name="at"/> in cap slot <paramref name="slot"/> of
    /// <paramref name="day"/>, or says why not.</summary>
    public async Task<RecordOutcome> TryRecordAsync(
        string recipientKey, Reminder reminder, DateOnly day, int slot, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var sent = new TableEntity(recipientKey, KeyRow(reminder.Key))
        {
            ["Key"] = reminder.Key,
            ["Kind"] = reminder.Kind.ToString(),
            ["Subject"] = reminder.Subject,
            ["SentAt"] = at,
        };
        var slotRow = new TableEntity(recipientKey, SlotPrefix(day) + slot.ToString("D2", CultureInfo.InvariantCulture))
        {
            ["Key"] = reminder.Key,
            ["SentAt"] = at,
        };
        try
        {
            await table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, sent),
                 new TableTransactionAction(TableTransactionActionType.Add, slotRow)],
                cancellationToken).ConfigureAwait(false);
            return RecordOutcome.Recorded;
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(recipientKey, sent.RowKey, ["Key"], cancellationToken)
                .ConfigureAwait(false);
            return existing.HasValue ? RecordOutcome.Duplicate : RecordOutcome.SlotTaken;
        }
    }

    private static SentReminder ToSent(TableEntity e) => new(e.GetString("Key") ?? "", e.GetDateTimeOffset("SentAt") ?? default);
}

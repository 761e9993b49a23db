using System.Globalization;
using Azure.Data.Tables;
using Dispatch.Core.Reminders;

namespace Dispatch.Storage;

/// <summary>A reminder held back until <see cref="DueAt"/>; <see cref="Partition"/> and <see cref="Row"/> name its row.</summary>
public sealed record DeferredReminder(string Partition, string Row, DateTimeOffset DueAt, Reminder Reminder);

/// <summary>The <c>reminderdeferrals</c> table: reminders deferred by quiet hours, kept durably so a restart
/// loses none. One partition, "q" (see <see cref="FormerShards"/>); row = "{dueUtcTicks:D19}|{hash of recipient
/// and key}", so "due now" is a row-key range and deferring the same reminder to the same time again is one upsert.</summary>
public sealed class ReminderDeferrals(StorageAccount account)
{
    public const string Partition = "q";

    private readonly FeatureTable _table = new(account, ReminderTables.Deferrals);
    private readonly FormerShards _former = new(Partition);

    public async Task DeferAsync(string recipientKey, Reminder reminder, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var row = $"{dueAt.UtcTicks:D19}|{Keys.Sha256Hex($"{recipientKey}\n{reminder.Key}")[..32]}";
        var entity = new TableEntity(Partition, row)
        {
            ["DueAt"] = dueAt,
            ["Kind"] = reminder.Kind.ToString(),
            ["Json"] = Json.Write(reminder),
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Up to <paramref name="max"/> deferrals due at or before <paramref name="now"/>, earliest first.</summary>
    public async Task<IReadOnlyList<DeferredReminder>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        await _former.MoveAsync(table, cancellationToken).ConfigureAwait(false);
        var before = (now.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {before}");
        var due = new List<DeferredReminder>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            due.Add(new DeferredReminder(e.PartitionKey, e.RowKey, e.GetDateTimeOffset("DueAt") ?? default, Json.Read<Reminder>(e.GetString("Json"), "Json")));
            if (due.Count >= max)
            {
                break;
            }
        }

        return due;
    }

    public async Task DeleteAsync(DeferredReminder deferred, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deferred);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        await Projection.DeleteIfExistsAsync(table, deferred.Partition, deferred.Row, cancellationToken).ConfigureAwait(false);
    }
}

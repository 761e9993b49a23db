using System.Globalization;
using Azure.Data.Tables;
using Dispatch.Core.Reminders;

namespace Dispatch.Storage;

/// <summary>A reminder held back until <see cref="DueAt"/>; <see cref="Partition"/> and <see cref="Row"/> name its row.</summary>
public sealed record DeferredReminder(string Partition, string Row, DateTimeOffset DueAt, Reminder Reminder);

/// <summary>The <c>reminderdeferrals</c> table: reminders deferred by quiet hours, kept durably so a restart
/// loses none. Partition = "q{shard:D2}" (16 shards by a stable hash of the recipient, like the timers),
/// row = "{dueUtcTicks:D19}|{hash of recipient and key}", so "due now" is a row-key range per shard and
/// deferring the same reminder to the same time again is one upsert.</summary>
public sealed class ReminderDeferrals(StorageAccount account)
{
    public const int Shards = 16;

    private readonly FeatureTable _table = new(account, ReminderTables.Deferrals);

    public async Task DeferAsync(string recipientKey, Reminder reminder, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var row = $"{dueAt.UtcTicks:D19}|{Keys.Sha256Hex($"{recipientKey}\n{reminder.Key}")[..32]}";
        var entity = new TableEntity($"q{Keys.Shard(recipientKey, Shards):D2}", row)
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
        var before = (now.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
        var perShard = await Task.WhenAll(Enumerable.Range(0, Shards).Select(async shard =>
        {
            var pk = $"q{shard:D2}";
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey lt {before}");
            var list = new List<DeferredReminder>();
            await foreach (var e in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken)
                               .ConfigureAwait(false))
            {
                list.Add(new DeferredReminder(e.PartitionKey, e.RowKey, e.GetDateTimeOffset("DueAt") ?? default, Json.Read<Reminder>(e.GetString("Json"), "Json")));
                if (list.Count >= max)
                {
                    break;
                }
            }

            return list;
        })).ConfigureAwait(false);
        return perShard.SelectMany(l => l).OrderBy(d => d.DueAt).ThenBy(d => d.Row, StringComparer.Ordinal).Take(max).ToList();
    }

    public async Task DeleteAsync(DeferredReminder deferred, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deferred);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        await Projection.DeleteIfExistsAsync(table, deferred.Partition, deferred.Row, cancellationToken).ConfigureAwait(false);
    }
}

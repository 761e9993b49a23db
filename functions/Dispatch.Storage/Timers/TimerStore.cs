using System.Globalization;
using Azure.Data.Tables;
using Dispatch.Core.Orders;

namespace Dispatch.Storage;

/// <summary>The <c>timers</c> table: durable timers for the local host (the Azure host uses Durable
/// timers). Partition = "t{shard:D2}" (16 shards by a stable hash of the order id, so no partition is
/// hot), row = "{dueUtcTicks:D19}|{orderId}|{kind}|{round}" so a range query on the row key finds the
/// due timers of a shard in due order.</summary>
public sealed class TimerStore(StorageAccount account)
{
    public const int Shards = 16;

    private readonly TableClient _table = account.Table(TableNames.Timers);

    public static string PartitionOf(string orderId) => $"t{Keys.Shard(orderId, Shards):D2}";

    public static string RowOf(ScheduleTimer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return $"{timer.DueAt.UtcTicks:D19}|{Keys.Id(timer.OrderId, nameof(timer.OrderId))}|{timer.Kind}|{timer.Round}";
    }

    /// <summary>Stores the timer; scheduling the same timer again changes nothing.</summary>
    public async Task ScheduleAsync(ScheduleTimer timer, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(PartitionOf(timer.OrderId), RowOf(timer))
        {
            ["OrderId"] = timer.OrderId,
            ["Kind"] = timer.Kind.ToString(),
            ["Round"] = timer.Round,
            ["DueAt"] = timer.DueAt,
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Up to <paramref name="max"/> timers due at or before <paramref name="now"/>, earliest first,
    /// from all shards.</summary>
    public async Task<IReadOnlyList<ScheduleTimer>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var before = (now.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
        var perShard = await Task.WhenAll(Enumerable.Range(0, Shards).Select(async shard =>
        {
            var pk = $"t{shard:D2}";
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey lt {before}");
            var list = new List<ScheduleTimer>();
            await foreach (var e in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken)
                               .ConfigureAwait(false))
            {
                list.Add(ToTimer(e));
                if (list.Count >= max)
                {
                    break;
                }
            }

            return list;
        })).ConfigureAwait(false);
        return perShard.SelectMany(l => l).OrderBy(t => t.DueAt).ThenBy(t => t.OrderId, StringComparer.Ordinal).Take(max).ToList();
    }

    /// <summary>When the earliest stored timer is due, or null if there is none.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default)
    {
        var firsts = await Task.WhenAll(Enumerable.Range(0, Shards).Select(async shard =>
        {
            var pk = $"t{shard:D2}";
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk}");
            await foreach (var e in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken)
                               .ConfigureAwait(false))
            {
                return (DateTimeOffset?)ToTimer(e).DueAt;
            }

            return null;
        })).ConfigureAwait(false);
        return firsts.Where(d => d is not null).Min();
    }

    /// <summary>Removes the timer; removing one that is gone is fine.</summary>
    public Task DeleteAsync(ScheduleTimer timer, CancellationToken cancellationToken = default) =>
        Projection.DeleteIfExistsAsync(_table, PartitionOf(timer.OrderId), RowOf(timer), cancellationToken);

    private static ScheduleTimer ToTimer(TableEntity e)
    {
        var parts = e.RowKey.Split('|');
        var due = new DateTimeOffset(long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.Zero);
        return new ScheduleTimer(
            e.GetString("OrderId") ?? parts[1],
            Enum.Parse<TimerKind>(e.GetString("Kind") ?? parts[2]),
            e.GetInt32("Round") ?? int.Parse(parts[3], CultureInfo.InvariantCulture),
            due);
    }
}

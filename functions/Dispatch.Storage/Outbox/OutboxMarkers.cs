using Azure.Data.Tables;

namespace Dispatch.Storage;

/// <summary>An order that may have effects still to run, and since when.</summary>
public sealed record OutboxMarker(string OrderId, DateTimeOffset MarkedAt);

/// <summary>The <c>outbox</c> table: markers of orders whose outbox is not empty, so a host can find
/// unrun effects after a crash without scanning the orders. Partition = "s{shard:D2}" (16 shards by a
/// stable hash of the order id), row = order id.</summary>
public sealed class OutboxMarkers(StorageAccount account, TimeProvider? clock = null)
{
    public const int Shards = 16;

    private readonly TableClient _table = account.Table(TableNames.Outbox);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public static string PartitionOf(string orderId) => $"s{Keys.Shard(orderId, Shards):D2}";

    /// <summary>Marks the order (again): the time is refreshed.</summary>
    public async Task MarkAsync(string orderId, CancellationToken cancellationToken = default)
    {
        Keys.Id(orderId, nameof(orderId));
        await _table.UpsertEntityAsync(
            new TableEntity(PartitionOf(orderId), orderId) { ["MarkedAt"] = _clock.GetUtcNow() },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the marker; removing one that is gone is fine.</summary>
    public Task ClearAsync(string orderId, CancellationToken cancellationToken = default) =>
        Projection.DeleteIfExistsAsync(_table, PartitionOf(Keys.Id(orderId, nameof(orderId))), orderId, cancellationToken);

    /// <summary>Up to <paramref name="max"/> markers from all shards, oldest first; with
    /// <paramref name="markedBefore"/>, only those older than that (skip effects being run right now).</summary>
    public async Task<IReadOnlyList<OutboxMarker>> ListAsync(
        int max,
        DateTimeOffset? markedBefore = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var perShard = await Task.WhenAll(Enumerable.Range(0, Shards).Select(async shard =>
        {
            var pk = $"s{shard:D2}";
            var filter = markedBefore is { } before
                ? TableClient.CreateQueryFilter($"PartitionKey eq {pk} and MarkedAt lt {before}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {pk}");
            var list = new List<OutboxMarker>();
            await foreach (var e in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken)
                               .ConfigureAwait(false))
            {
                list.Add(new OutboxMarker(e.RowKey, e.GetDateTimeOffset("MarkedAt") ?? default));
                if (list.Count >= max)
                {
                    break;
                }
            }

            return list;
        })).ConfigureAwait(false);
        return perShard.SelectMany(l => l).OrderBy(m => m.MarkedAt).Take(max).ToList();
    }
}

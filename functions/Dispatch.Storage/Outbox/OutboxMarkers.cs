using Azure.Data.Tables;

namespace Dispatch.Storage;

/// <summary>An order that may have effects still to run, and since when.</summary>
public sealed record OutboxMarker(string OrderId, DateTimeOffset MarkedAt);

/// <summary>The <c>outbox</c> table: markers of orders whose outbox is not empty, so a host can find
/// unrun effects after a crash without scanning the orders. One partition, "s" (see <see cref="FormerShards"/>);
/// row = order id.</summary>
public sealed class OutboxMarkers(StorageAccount account, TimeProvider? clock = null)
{
    public const string Partition = "s";

    private readonly TableClient _table = account.Table(TableNames.Outbox);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly FormerShards _former = new(Partition);

    /// <summary>Marks the order (again): the time is refreshed.</summary>
    public async Task MarkAsync(string orderId, CancellationToken cancellationToken = default)
    {
        Keys.Id(orderId, nameof(orderId));
        await _table.UpsertEntityAsync(
            new TableEntity(Partition, orderId) { ["MarkedAt"] = _clock.GetUtcNow() },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the marker; removing one that is gone is fine.</summary>
    public Task ClearAsync(string orderId, CancellationToken cancellationToken = default) =>
        Projection.DeleteIfExistsAsync(_table, Partition, Keys.Id(orderId, nameof(orderId)), cancellationToken);

    /// <summary>Up to <paramref name="max"/> markers, oldest first; with
    /// <paramref name="markedBefore"/>, only those older than that (skip effects being run right now).</summary>
    public async Task<IReadOnlyList<OutboxMarker>> ListAsync(
        int max,
        DateTimeOffset? markedBefore = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await _former.MoveAsync(_table, cancellationToken).ConfigureAwait(false);
        var filter = markedBefore is { } before
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and MarkedAt lt {before}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        var markers = new List<OutboxMarker>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            markers.Add(new OutboxMarker(e.RowKey, e.GetDateTimeOffset("MarkedAt") ?? default));
        }

        // Rows come in order id order; the oldest come first.
        return markers.OrderBy(m => m.MarkedAt).Take(max).ToList();
    }
}

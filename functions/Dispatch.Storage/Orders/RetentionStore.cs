using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Dispatch.Storage;

/// <summary>The <c>retention</c> table: partition = the UTC day an order closed (<c>d{yyyyMMdd}</c>), row =
/// order id. The erasure job reads the days before a cutoff instead of scanning every order.</summary>
public sealed class RetentionStore(StorageAccount account)
{
    private readonly TableClient _table = account.Table(TableNames.Retention);

    public static string Day(DateTimeOffset at) => "d" + at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Notes that an order closed; a repeat on the same day is a no-op. A repeat on a later day (a
    /// projection retried across midnight) adds a second note, which only erases the already erased order again.</summary>
    public async Task NoteClosedAsync(string orderId, DateTimeOffset closedAt, CancellationToken cancellationToken = default)
    {
        Keys.Id(orderId, nameof(orderId));
        try
        {
            await _table.AddEntityAsync(new TableEntity(Day(closedAt), orderId) { ["ClosedAt"] = closedAt }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            // Already noted.
        }
    }

    /// <summary>Up to <paramref name="max"/> orders that closed on a day before <paramref name="closedBefore"/>'s day.</summary>
    public async Task<IReadOnlyList<(string Day, string OrderId)>> DueAsync(DateTimeOffset closedBefore, int max, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey lt {Day(closedBefore)}");
        var list = new List<(string, string)>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, maxPerPage: max, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            list.Add((e.PartitionKey, e.RowKey));
            if (list.Count >= max)
            {
                break;
            }
        }

        return list;
    }

    public Task RemoveAsync(string day, string orderId, CancellationToken cancellationToken = default) =>
        Projection.DeleteIfExistsAsync(_table, day, orderId, cancellationToken);
}

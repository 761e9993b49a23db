using Azure.Data.Tables;

namespace Dispatch.Storage;

/// <summary>The former shards of a table that is now one partition: until a measurement asks for more,
/// the outbox markers and the reminder deferrals each live in one partition. Rows an earlier
/// version wrote to "{partition}00".."{partition}15" are moved into it once per process, before the first
/// read, so none is lost and each is then read and deleted where it now is. Nothing writes the old
/// partitions any more; once a process has run, they are empty. A table that moved on again (the timers, now one
/// partition per due day) names the whole range of its former partitions and where each row now goes.</summary>
internal sealed class FormerShards(string first, string last, Func<string, string> partitionOf)
{
    private const int Count = 16;

    private volatile bool _moved;

    public FormerShards(string partition)
        : this($"{partition}00", $"{partition}{Count - 1:D2}", _ => partition)
    {
    }

    public async Task MoveAsync(TableClient table, CancellationToken cancellationToken)
    {
        if (_moved)
        {
            return;
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {first} and PartitionKey le {last}");
        await foreach (var old in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var moved = RowCopy.Of(old, partitionOf(old.RowKey));

            // Copy, then delete: a crash in between leaves a copy that the next move writes again.
            await table.UpsertEntityAsync(moved, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            await Projection.DeleteIfExistsAsync(table, old.PartitionKey, old.RowKey, cancellationToken).ConfigureAwait(false);
        }

        _moved = true;
    }
}

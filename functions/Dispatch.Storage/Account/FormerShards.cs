using Azure.Data.Tables;

namespace Dispatch.Storage;

/// <summary>The former shards of a table that is now one partition: until a measurement asks for more,
/// the timers, the outbox markers and the reminder deferrals each live in one partition. Rows an earlier
/// version wrote to "{partition}00".."{partition}15" are moved into it once per process, before the first
/// read, so none is lost and each is then read and deleted where it now is. Nothing writes the old
/// partitions any more; once a process has run, they are empty.</summary>
internal sealed class FormerShards(string partition)
{
    private const int Count = 16;

    private volatile bool _moved;

    public async Task MoveAsync(TableClient table, CancellationToken cancellationToken)
    {
        if (_moved)
        {
            return;
        }

        var first = $"{partition}00";
        var last = $"{partition}{Count - 1:D2}";
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {first} and PartitionKey le {last}");
        await foreach (var old in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var moved = new TableEntity(partition, old.RowKey);
            foreach (var (name, value) in old)
            {
                if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                {
                    moved[name] = value;
                }
            }

            // Copy, then delete: a crash in between leaves a copy that the next move writes again.
            await table.UpsertEntityAsync(moved, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            await Projection.DeleteIfExistsAsync(table, old.PartitionKey, old.RowKey, cancellationToken).ConfigureAwait(false);
        }

        _moved = true;
    }
}

using Azure.Data.Tables;

namespace Dispatch.Storage;

/// <summary>A stored row written again elsewhere, when a layout changes: its columns under new keys, without the
/// service's own (Timestamp and ETag are the new write's).</summary>
internal static class RowCopy
{
    public static TableEntity Of(TableEntity row, string partitionKey)
    {
        var copy = new TableEntity(partitionKey, row.RowKey);
        foreach (var (name, value) in row)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            {
                copy[name] = value;
            }
        }

        return copy;
    }
}

using Azure.Data.Tables;

namespace Dispatch.Testing;

/// <summary>Every row of the tables under one prefix with its ETag, as one string: any write between two
/// snapshots (an added, changed or deleted row) makes them differ.</summary>
public static class TableSnapshot
{
    public static async Task<string> TakeAsync(string connectionString, string prefix)
    {
        var service = new TableServiceClient(connectionString);
        var rows = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            if (table.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
                {
                    rows.Add($"{table.Name}|{row.PartitionKey}|{row.RowKey}|{row.ETag}");
                }
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return string.Join('\n', rows);
    }
}

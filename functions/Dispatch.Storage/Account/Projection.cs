using Azure;
using Azure.Data.Tables;

namespace Dispatch.Storage;

/// <summary>A projected row as a repair pass sees it: its keys, the order version it shows and, for inbox
/// rows, the member's role.</summary>
public sealed record ProjectionRow(string PartitionKey, string OrderId, int Version, string? Role);

/// <summary>One page of projected rows; <see cref="Next"/> is null after the last page.</summary>
public sealed record ProjectionPage(IReadOnlyList<ProjectionRow> Rows, string? Next);

/// <summary>Projections are written after the order is saved, possibly more than once and, after a
/// crash or a race, out of order. Each projected row carries the order's Version; a write never replaces
/// a row of a newer version.</summary>
internal static class Projection
{
    public const string Version = "Version";
    private const int Tries = 10;

    /// <summary>Writes <paramref name="entity"/> unless the stored row has a higher Version.
    /// Returns false when a newer row was kept. A row this process wrote before is replaced with the ETag it got then,
    /// and a row it never saw is added: one request each when nobody else wrote it meanwhile; otherwise (412, 409) it
    /// reads the row and tries again.</summary>
    public static async Task<bool> UpsertIfNotOlderAsync(TableClient table, TableEntity entity, ProjectionMemory memory, CancellationToken cancellationToken)
    {
        var version = entity.GetInt32(Version) ?? throw new ArgumentException("The row needs a Version.", nameof(entity));
        var (name, partition, rowKey) = (table.Name, entity.PartitionKey, entity.RowKey);
        try
        {
            if (memory.TryGet(name, partition, rowKey, out var known, out var knownTag))
            {
                if (known > version)
                {
                    return false;
                }

                var replaced = await table.UpdateEntityAsync(entity, knownTag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                memory.Remember(name, partition, rowKey, version, replaced.Headers.ETag);
            }
            else
            {
                var added = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                memory.Remember(name, partition, rowKey, version, added.Headers.ETag);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.IsPreconditionFailed() || e.IsConflict() || e.IsNotFound())
        {
            // Someone else wrote or removed the row since: look at it.
            memory.Forget(name, partition, rowKey);
        }

        for (var attempt = 0; attempt < Tries; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(
                partition, rowKey, [Version], cancellationToken).ConfigureAwait(false);
            try
            {
                Response written;
                if (existing.HasValue && existing.Value is { } row)
                {
                    if ((row.GetInt32(Version) ?? -1) > version)
                    {
                        return false;
                    }

                    written = await table.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    written = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }

                memory.Remember(name, partition, rowKey, version, written.Headers.ETag);
                return true;
            }
            catch (RequestFailedException e) when (e.IsPreconditionFailed() || e.IsConflict() || e.IsNotFound())
            {
                // Raced with another writer: look again.
            }
        }

        throw new ConcurrencyConflictException($"Projection row {partition}/{rowKey} kept changing.");
    }

    /// <summary>One page of rows (keys, <see cref="Version"/> and <paramref name="columns"/>) from
    /// <paramref name="continuation"/> on: a repair pass walks a table a page at a time.</summary>
    public static async Task<ProjectionPage> PageAsync(
        TableClient table, string? continuation, int max, string[] columns, CancellationToken cancellationToken)
    {
        string[] select = ["PartitionKey", "RowKey", Version, .. columns];
        await foreach (var page in table.QueryAsync<TableEntity>(filter: (string?)null, maxPerPage: max, select: select, cancellationToken: cancellationToken)
                           .AsPages(continuation, max).ConfigureAwait(false))
        {
            return new ProjectionPage(
                [.. page.Values.Select(e => new ProjectionRow(e.PartitionKey, e.RowKey, e.GetInt32(Version) ?? 0, columns.Length > 0 ? e.GetString(columns[0]) : null))],
                page.ContinuationToken);
        }

        return new ProjectionPage([], null);
    }

    /// <summary>The stored row's <see cref="Version"/>, or null when there is no row.</summary>
    public static async Task<int?> VersionAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, [Version], cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is { } e ? e.GetInt32(Version) ?? 0 : null;
    }

    public static async Task DeleteIfExistsAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken, ProjectionMemory? memory = null)
    {
        memory?.Forget(table.Name, partitionKey, rowKey);
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            // Already gone.
        }
    }
}

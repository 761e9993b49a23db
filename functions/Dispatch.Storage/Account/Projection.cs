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
    /// Returns false when a newer row was kept.</summary>
    public static async Task<bool> UpsertIfNotOlderAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        var version = entity.GetInt32(Version) ?? throw new ArgumentException("The row needs a Version.", nameof(entity));
        for (var attempt = 0; attempt < Tries; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(
                entity.PartitionKey, entity.RowKey, [Version], cancellationToken).ConfigureAwait(false);
            try
            {
                if (existing.HasValue && existing.Value is { } row)
                {
                    if ((row.GetInt32(Version) ?? -1) > version)
                    {
                        return false;
                    }

                    await table.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }

                return true;
            }
            catch (RequestFailedException e) when (e.IsPreconditionFailed() || e.IsConflict() || e.IsNotFound())
            {
                // Raced with another writer: look again.
            }
        }

        throw new ConcurrencyConflictException($"Projection row {entity.PartitionKey}/{entity.RowKey} kept changing.");
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

    public static async Task DeleteIfExistsAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
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

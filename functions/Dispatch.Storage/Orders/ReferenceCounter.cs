using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace Dispatch.Storage;

/// <summary>The <c>orderrefs</c> table: per community and China day (PK <c>{community}|{yyyyMMdd}</c>) a counter row
/// (<c>counter</c>, the last number given) raised with If-Match and retried on 412. A number is asked for only once the
/// order's Idempotency-Key is reserved, so a retried place never asks twice; none is ever given twice. This instance
/// remembers the last number and ETag it wrote per counter, so its next raise is one conditional write; a 412 (another
/// host raised it) reads again.</summary>
public sealed class ReferenceCounter(StorageAccount account)
{
    /// <summary>Counters remembered at most (one per community and day): past it the memory starts again.</summary>
    private const int Remembered = 4096;

    private readonly ConcurrentDictionary<string, (int Last, ETag ETag)> _last = new();

    public const string TableName = "orderrefs";
    public const string CounterRow = "counter";

    /// <summary>Enough for many places racing on one community's counter; each try is one conditional write.</summary>
    public const int MaxTries = 200;

    private readonly FeatureTable _table = new(account, TableName);

    /// <summary>The next number of the community's day.</summary>
    public async Task<int> NextAsync(string communityId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var partition = $"{Keys.Id(communityId, nameof(communityId))}|{day:yyyyMMdd}";
        return await RaiseAsync(table, partition, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> RaiseAsync(TableClient table, string partition, CancellationToken ct)
    {
        if (_last.TryGetValue(partition, out var known))
        {
            try
            {
                return Remember(partition, known.Last + 1, await table.UpdateEntityAsync(
                    new TableEntity(partition, CounterRow) { ["Last"] = known.Last + 1 }, known.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false));
            }
            catch (RequestFailedException e) when (e.IsPreconditionFailed() || e.IsNotFound())
            {
                _last.TryRemove(partition, out _); // another host raised it since: read it below
            }
        }

        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(partition, CounterRow, ["Last"], ct).ConfigureAwait(false);
            try
            {
                if (!current.HasValue || current.Value is null)
                {
                    return Remember(partition, 1, await table.AddEntityAsync(new TableEntity(partition, CounterRow) { ["Last"] = 1 }, ct).ConfigureAwait(false));
                }

                var next = (current.Value.GetInt32("Last") ?? 0) + 1;
                return Remember(partition, next, await table.UpdateEntityAsync(
                    new TableEntity(partition, CounterRow) { ["Last"] = next }, current.Value.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false));
            }
            catch (RequestFailedException e) when (e.IsConflict() || e.IsPreconditionFailed())
            {
                // Another place took this number: read the counter again.
                await Task.Delay(Random.Shared.Next(1, 4 + attempt), ct).ConfigureAwait(false);
            }
        }

        throw new ConcurrencyConflictException($"Reference counter {partition}: no number after {MaxTries} tries.");
    }

    private int Remember(string partition, int number, Response written)
    {
        if (written.Headers.ETag is { } etag)
        {
            if (_last.Count >= Remembered)
            {
                _last.Clear();
            }

            _last[partition] = (number, etag);
        }

        return number;
    }
}

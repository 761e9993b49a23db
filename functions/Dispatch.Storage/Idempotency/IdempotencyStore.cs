using Azure;
using Azure.Data.Tables;

namespace Dispatch.Storage;

/// <summary>The <c>idempotency</c> table: a client's idempotency key → the order it created. Partition =
/// SHA-256 hex of the key (client keys can hold any character; hashing also spreads them), row = "".</summary>
public sealed class IdempotencyStore(StorageAccount account, TimeProvider? clock = null)
{
    public const int MaxKeyLength = 100;

    /// <summary>The namespace of residents' keys.</summary>
    public const string OrderPrefix = "order|";

    private readonly TableClient _table = account.Table(TableNames.Idempotency);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Stores <paramref name="proposedOrderId"/> under the key unless the key is taken; returns the
    /// order id stored under the key (the proposed one for the first caller, the first one after that).</summary>
    public async Task<string> ReserveAsync(string key, string proposedOrderId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"An idempotency key must be 1–{MaxKeyLength} characters.", nameof(key));
        }

        Keys.Id(proposedOrderId, nameof(proposedOrderId));
        var pk = Keys.Sha256Hex(key);
        try
        {
            await _table.AddEntityAsync(
                new TableEntity(pk, "") { ["OrderId"] = proposedOrderId, ["CreatedAt"] = _clock.GetUtcNow() },
                cancellationToken).ConfigureAwait(false);
            return proposedOrderId;
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            var existing = await _table.GetEntityAsync<TableEntity>(pk, "", cancellationToken: cancellationToken).ConfigureAwait(false);
            return existing.Value.GetString("OrderId") ?? throw new InvalidDataException("Idempotency row without OrderId.");
        }
    }

    /// <summary>A resident's Idempotency-Key: kept under "order|" (so it never meets the internal
    /// "schedule|…" or "dead-letter|…" keys) with the hash of the request it came with. Returns the order
    /// stored under the key and whether it was placed by the same request (a row from before hashes
    /// were stored counts as the same).</summary>
    public async Task<(string OrderId, bool SameRequest)> ReserveOrderAsync(
        string clientKey, string requestHash, string proposedOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientKey);
        ArgumentException.ThrowIfNullOrEmpty(requestHash);
        Keys.Id(proposedOrderId, nameof(proposedOrderId));
        var pk = Keys.Sha256Hex(OrderPrefix + clientKey);
        try
        {
            await _table.AddEntityAsync(
                new TableEntity(pk, "") { ["OrderId"] = proposedOrderId, ["RequestHash"] = requestHash, ["CreatedAt"] = _clock.GetUtcNow() },
                cancellationToken).ConfigureAwait(false);
            return (proposedOrderId, true);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            var existing = (await _table.GetEntityAsync<TableEntity>(pk, "", cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            var orderId = existing.GetString("OrderId") ?? throw new InvalidDataException("Idempotency row without OrderId.");
            var hash = existing.GetString("RequestHash");
            return (orderId, hash is null || hash == requestHash);
        }
    }

    /// <summary>The order id stored under the key, if any.</summary>
    public async Task<string?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Keys.Sha256Hex(key), "", cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue ? response.Value?.GetString("OrderId") : null;
    }
}

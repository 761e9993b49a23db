using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.App.Orders;

/// <summary>A resident's Idempotency-Key on both hosts: bound to the fingerprint of the validated form.</summary>
public static class OrderIdempotency
{
    /// <summary>The order stored under the key (the proposed one for the first request).</summary>
    /// <exception cref="ApiProblemException">422 idempotency-key-reused when the key came with another form:
    /// nothing of the first order (and no token) is given away.</exception>
    public static async Task<string> ReserveOrderAsync(
        this IdempotencyStore store, string key, OrderRequest request, ResidentDetails resident, string proposed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (orderId, same) = await store.ReserveOrderAsync(key, OrderFingerprint.Of(request, resident), proposed, ct);
        return same ? orderId : throw new ApiProblemException(ApiProblem.IdempotencyKeyReused());
    }
}

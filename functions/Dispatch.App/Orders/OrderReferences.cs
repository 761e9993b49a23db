using Dispatch.Core.Orders;
using Dispatch.Core.Orders.References;
using Dispatch.Core.Time;
using Dispatch.Storage;

namespace Dispatch.App.Orders;

/// <summary>Gives a new order its readable reference (<c>HB-20261130-0042</c>) before either host stores it: the
/// community's short code, today's China date and the community's next number of the day. Asked only for an order
/// being created, so a resubmitted form (same Idempotency-Key) keeps its first order's number and burns none.</summary>
public sealed class OrderReferences(ReferenceCounter counter, TimeProvider clock)
{
    public async Task<string> AssignAsync(CommunityDirectory community, OrderRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(request);
        var day = ChinaTime.DateOf(clock.GetUtcNow());
        var number = await counter.NextAsync(request.Location.CommunityId, day, ct);
        return OrderReference.Format(OrderReference.PrefixOf(community.Community.CommunityId, community.Community.NameEn), day, number);
    }
}

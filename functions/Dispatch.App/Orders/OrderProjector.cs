using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.App.Orders;

/// <summary>Keeps the read models in step with an order: the community's open-order list and the
/// inboxes of members the change concerns. A new offer reaches the member's inbox through the
/// assignment queue instead, as it would in production.</summary>
public sealed class OrderProjector(OrderIndex index, MemberInbox inbox)
{
    public async Task ProjectAsync(OrderState? before, OrderState after, CancellationToken ct)
    {
        await index.ProjectAsync(after, ct);
        if (before?.Offer is { } previous && previous.MemberId != after.Offer?.MemberId && previous.MemberId != after.MemberId)
        {
            // Declined or let run out: the member is excluded from this order; otherwise it went elsewhere.
            var role = after.Excluded.Contains(previous.MemberId) ? InboxRole.Expired : InboxRole.Withdrawn;
            await inbox.ProjectAsync(after, previous.MemberId, role, cancellationToken: ct);
        }

        if (after.MemberId is { } member)
        {
            await inbox.ProjectAsync(after, member, InboxRole.Assigned, cancellationToken: ct);
        }
    }
}

using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.App.Orders;

/// <summary>Keeps the read models in step with an order: the community's open-order list and the
/// inboxes of members the change concerns. A new offer reaches the member's inbox through the
/// assignment queue instead, as it would in production.</summary>
public sealed class OrderProjector(OrderIndex index, MemberInbox inbox, RetentionStore retention, ClosedOrderIndex closed, TimeProvider clock)
{
    public Task ProjectAsync(OrderState? before, OrderState after, CancellationToken ct) =>
        ProjectCurrentAsync(after, before?.Offer?.MemberId, ct);

    /// <summary>Projects the order as it is now. <paramref name="previousOffer"/> held the offer before the save
    /// being projected; if the order has moved on from them, their inbox row leaves "offered". Running it with a
    /// newer state than the save's is right too: rows keep the highest version.</summary>
    public async Task ProjectCurrentAsync(OrderState current, string? previousOffer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(current);
        await index.ProjectAsync(current, ct);
        if (current.IsTerminal)
        {
            // Starts the retention period of the resident's personal data; lists the order in the desk's history.
            await retention.NoteClosedAsync(current.OrderId, clock.GetUtcNow(), ct);
            await closed.ProjectAsync(current, ct);
        }

        if (previousOffer is { } previous && previous != current.Offer?.MemberId && previous != current.MemberId)
        {
            await inbox.ProjectAsync(current, previous, RoleOf(current, previous), cancellationToken: ct);
        }

        if (current.MemberId is { } member)
        {
            await inbox.ProjectAsync(current, member, InboxRole.Assigned, cancellationToken: ct);
        }
    }

    /// <summary>Rewrites one member's inbox row from the order as it is now (the repair pass).</summary>
    public Task RepairInboxAsync(OrderState current, string memberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(current);
        return inbox.ProjectAsync(current, memberId, RoleOf(current, memberId), cancellationToken: ct);
    }

    // Declined or let run out: the member is excluded from this order; otherwise it went elsewhere.
    private static string RoleOf(OrderState current, string memberId) =>
        current.Offer?.MemberId == memberId ? InboxRole.Offered
        : current.MemberId == memberId ? InboxRole.Assigned
        : current.Excluded.Contains(memberId) ? InboxRole.Expired
        : InboxRole.Withdrawn;
}

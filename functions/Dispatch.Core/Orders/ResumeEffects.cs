namespace Dispatch.Core.Orders;

/// <summary>The effects that may not have run for a stored state, for a host that lost its running
/// workflow (a failed, terminated or never-started orchestration) and resumes the order from storage: the
/// search an order waiting on the dispatcher needs, the offer a member holds, the organizers' notice of an
/// escalation. Each is idempotent where it lands (offers by MessageId and inbox version, notices by key),
/// so running one that did run changes nothing.</summary>
public static class ResumeEffects
{
    public static IReadOnlyList<OrderEffect> For(OrderState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Status switch
        {
            OrderStatus.Placed => [new FindCandidate(state.OrderId, state.Attempt + 1, state.Excluded)],
            OrderStatus.Offered when state.Offer is { } offer =>
                [new SendOffer(state.OrderId, offer.MemberId, offer.Attempt, offer.Deadline, offer.Reason)],
            OrderStatus.Escalated when state.Escalation is { } reason =>
                [new Escalate(state.OrderId, state.Request.Location.CommunityId, reason, state.Attempt)],
            _ => [],
        };
    }
}

using System.Collections.Immutable;

namespace Dispatch.Core.Orders;

/// <summary>The outcome of <see cref="OrderDecider.Decide"/>: a new state and effects, or a rejection.</summary>
public sealed record Decision(OrderState? State, ImmutableArray<OrderEffect> Effects, Rejection? Rejection)
{
    public bool Accepted => Rejection is null;

    public static Decision Accept(OrderState state, params OrderEffect[] effects) =>
        new(state with { Version = state.Version + 1 }, [.. effects], null);

    public static Decision Reject(RejectionCode code, string message) => new(null, [], new Rejection(code, message));
}

using System.Collections.Immutable;

namespace Dispatch.Core.Orders;

/// <summary>The outcome of <see cref="OrderDecider.Decide"/>, closed: the event either changed the order
/// (<see cref="Changed"/>: the next state and the effects to run) or was refused (<see cref="Rejected"/>:
/// nothing changes). Callers pattern-match, so a state is only reachable where there is one.</summary>
public abstract record Decision
{
    // Private: no case outside this file, so a switch over the two cases is complete.
    private Decision()
    {
    }

    public sealed record Changed(OrderState State, ImmutableArray<OrderEffect> Effects) : Decision;

    public sealed record Rejected(Rejection Rejection) : Decision;

    public static Changed Accept(OrderState state, params OrderEffect[] effects) =>
        new(state with { Version = state.Version + 1 }, [.. effects]);

    public static Rejected Reject(RejectionCode code, string message) => new(new Rejection(code, message));
}

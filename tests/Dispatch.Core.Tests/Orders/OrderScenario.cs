using Dispatch.Core.Members;
using Dispatch.Core.Orders;

namespace Dispatch.Core.Tests.Orders;

/// <summary>Drives the decider through events, failing loudly on an unexpected rejection.</summary>
internal sealed class OrderScenario
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    public static readonly Location Home = new("c1", "g1", "b1", "h101");

    public OrderScenario(OrderKind kind = OrderKind.Service, bool urgent = false, OrderPolicy? policy = null, DateTimeOffset? wantedAt = null)
    {
        Decider = new OrderDecider(policy ?? OrderPolicy.Default);
        Now = Start;
        Last = Apply(new OrderPlaced("o1", new OrderRequest(kind, ServiceCategory.Repair, Home, urgent, wantedAt)));
    }

    public OrderDecider Decider { get; }

    public DateTimeOffset Now { get; private set; }

    public OrderState? State { get; private set; }

    public Decision.Changed Last { get; private set; }

    public OrderScenario At(TimeSpan later)
    {
        Now += later;
        return this;
    }

    public Decision Try(OrderEvent e) => Decider.Decide(State, e, Now);

    public Decision.Changed Apply(OrderEvent e)
    {
        var decision = Try(e).AsChanged();
        State = decision.State;
        Last = decision;
        return decision;
    }

    public Decision.Changed Offer(string memberId) =>
        Apply(new CandidateFound(memberId, new Core.Matching.MatchReason(Core.Matching.Closeness.SameGrid, 3, 0, 0, 1, 5)));

    public T Effect<T>()
        where T : OrderEffect => Assert.Single(Last.Effects.OfType<T>());
}

namespace Dispatch.Core.Orders;

/// <summary>The lifecycle's one function, <c>decide(state, event, now)</c>, behind an interface so a host
/// can run orders under a newer decider than the one they started with (and a test can prove it).</summary>
public interface IOrderDecider
{
    OrderPolicy Policy { get; }

    Decision Decide(OrderState? state, OrderEvent @event, DateTimeOffset now);
}

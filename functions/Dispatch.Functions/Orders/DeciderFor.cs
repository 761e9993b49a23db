using Dispatch.Core.Orders;

namespace Dispatch.Functions.Orders;

/// <summary>The decider this deployment runs for a policy carried in an order's input. One place to swap it:
/// a newer deployment's decider takes over the orders in flight at their next decision.</summary>
public delegate IOrderDecider DeciderFor(OrderPolicy policy);

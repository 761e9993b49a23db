using Dispatch.Core.Api;

namespace Dispatch.Local.Orders;

/// <summary>What every action on one order binds besides its link and body: the order's id from the route, the
/// shared use cases, this host's engine and the request's cancellation (one [AsParameters] bundle).</summary>
public sealed record OrderCall(string OrderId, OrderUseCases Orders, IOrderEngine Engine, CancellationToken Ct);

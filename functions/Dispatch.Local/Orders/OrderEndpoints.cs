using Dispatch.Core.Api;

namespace Dispatch.Local.Orders;

/// <summary>Residents', members' and organizers' actions on one order: binding only; the rules are the shared
/// <see cref="OrderUseCases"/>, applied by the <see cref="LocalOrderEngine"/>. The typed link parameter is the
/// route's rule (<see cref="CallerLink"/> where the loaded order decides who may: reading and confirming).</summary>
public static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        app.MapPost(Routes.Orders, (PlaceOrderRequest? body, HttpContext http, OrderUseCases orders, IOrderEngine engine, CancellationToken ct) =>
            orders.PlaceAsync(engine, body, http.Request.Headers["Idempotency-Key"].ToString(), ct).AsResultAsync());
        app.MapPost(Routes.OrganizerOrders, (PlaceOrderRequest? body, HttpContext http, OrganizerLink organizer, OrderUseCases orders, IOrderEngine engine, CancellationToken ct) =>
            orders.PlaceForResidentAsync(engine, organizer, body, http.Request.Headers["Idempotency-Key"].ToString(), ct).AsResultAsync());
        app.MapGet(Routes.Order, ([AsParameters] OrderCall call, CallerLink caller) =>
            call.Orders.GetAsync(caller, call.OrderId, call.Ct).AsResultAsync());
        app.MapPost(Routes.Cancel, ([AsParameters] OrderCall call, ReasonRequest? body, ResidentLink resident) =>
            call.Orders.CancelAsync(call.Engine, resident, call.OrderId, body, call.Ct).AsResultAsync());
        app.MapPost(Routes.Dispute, ([AsParameters] OrderCall call, ReasonRequest? body, ResidentLink resident) =>
            call.Orders.DisputeAsync(call.Engine, resident, call.OrderId, body, call.Ct).AsResultAsync());
        app.MapPost(Routes.Confirm, ([AsParameters] OrderCall call, ConfirmRequest? body, CallerLink caller) =>
            call.Orders.ConfirmAsync(call.Engine, caller, call.OrderId, body, call.Ct).AsResultAsync());
        app.MapPost(Routes.Accept, ([AsParameters] OrderCall call, MemberLink member) =>
            call.Orders.AcceptAsync(call.Engine, member, call.OrderId, call.Ct).AsResultAsync());
        app.MapPost(Routes.Decline, ([AsParameters] OrderCall call, ReasonRequest? body, MemberLink member) =>
            call.Orders.DeclineAsync(call.Engine, member, call.OrderId, body, call.Ct).AsResultAsync());
        app.MapPost(Routes.Claim, ([AsParameters] OrderCall call, MemberLink member) =>
            call.Orders.ClaimAsync(call.Engine, member, call.OrderId, call.Ct).AsResultAsync());
        app.MapPost(Routes.Hours, ([AsParameters] OrderCall call, HoursRequest? body, MemberLink member) =>
            call.Orders.HoursAsync(call.Engine, member, call.OrderId, body, call.Ct).AsResultAsync());
        app.MapPost(Routes.Dispatch, ([AsParameters] OrderCall call, DispatchRequest? body, OrganizerLink organizer) =>
            call.Orders.DispatchAsync(call.Engine, organizer, call.OrderId, body, call.Ct).AsResultAsync());
        return app;
    }

    /// <summary>The shared answer as this host writes it.</summary>
    private static async Task<IResult> AsResultAsync(this Task<OrderAnswer> answer) => (await answer).ToResult();
}

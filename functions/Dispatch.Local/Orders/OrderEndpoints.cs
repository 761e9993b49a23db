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
        app.MapGet(Routes.Order, (string orderId, CallerLink caller, OrderUseCases orders, CancellationToken ct) =>
            orders.GetAsync(caller, orderId, ct).AsResultAsync());
        app.MapPost(Routes.Cancel, (string orderId, ReasonRequest? body, ResidentLink resident, OrderUseCases orders, IOrderEngine engine, CancellationToken ct) =>
            orders.CancelAsync(engine, resident, orderId, body, ct).AsResultAsync());
        app.MapPost(Routes.Dispute, (string orderId, ReasonRequest? body, ResidentLink resident, OrderUseCases orders, IOrderEngine engine, CancellationToken ct) =>
            orders.DisputeAsync(engine, resident, orderId, body, ct).AsResultAsync());
        app.MapPost(Routes.Confirm, (string orderId, ConfirmRequest? body, CallerLink caller, OrderUseCases orders, IOrderEngine engine, CancellationToken ct) =>
            orders.ConfirmAsync(engine, caller, orderId, body, ct).AsResultAsync());
        app.MapPost(Routes.Accept, (string orderId, MemberLink member, OrderUseCases orders, IOrderEngine engine, CancellationToken ct) =>
            orders.AcceptAsync(engine, member, orderId, ct).AsResultAsync());
        app.MapPost(Routes.Decline, (string orderId, ReasonRequest? body, MemberLink member, OrderUseCases orders, IOrderEngine engine, CancellationToken ct) =>
            orders.DeclineAsync(engine, member, orderId, body, ct).AsResultAsync());
        app.MapPost(Routes.Claim, (string orderId, MemberLink member, OrderUseCases orders, IOrderEngine engine, CancellationToken ct) =>
            orders.ClaimAsync(engine, member, orderId, ct).AsResultAsync());
        app.MapPost(Routes.Hours, (string orderId, HoursRequest? body, MemberLink member, OrderUseCases orders, IOrderEngine engine, CancellationToken ct) =>
            orders.HoursAsync(engine, member, orderId, body, ct).AsResultAsync());
        app.MapPost(Routes.Dispatch, (string orderId, DispatchRequest? body, OrganizerLink organizer, OrderUseCases orders, IOrderEngine engine, CancellationToken ct) =>
            orders.DispatchAsync(engine, organizer, orderId, body, ct).AsResultAsync());
        return app;
    }

    /// <summary>The shared answer as this host writes it.</summary>
    private static async Task<IResult> AsResultAsync(this Task<OrderAnswer> answer) => (await answer).ToResult();
}

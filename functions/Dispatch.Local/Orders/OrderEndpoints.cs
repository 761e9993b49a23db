using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Dispatch.Core.Hours;
using Dispatch.Core.Orders;
using Dispatch.Local.Hosting;
using Dispatch.Storage;

namespace Dispatch.Local.Orders;

/// <summary>Residents', members' and organizers' actions on one order: parse, check the link, let the
/// decider rule, answer with the caller's view.</summary>
public static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        app.MapPost(Routes.Orders, PlaceAsync);
        app.MapGet(Routes.Order, GetAsync);
        app.MapPost(Routes.Cancel, (string orderId, ReasonRequest? body, HttpContext http, OrderActions a, CancellationToken ct) =>
            a.AsResidentAsync(http, orderId, new OrderCancelled(FreeText.Reason(body?.Reason)), ct));
        app.MapPost(Routes.Dispute, (string orderId, ReasonRequest? body, HttpContext http, OrderActions a, CancellationToken ct) =>
            a.AsResidentAsync(http, orderId, new ServiceDisputed(FreeText.Reason(body?.Reason)), ct));
        app.MapPost(Routes.Confirm, ConfirmAsync);
        app.MapPost(Routes.Accept, (string orderId, HttpContext http, OrderActions a, CancellationToken ct) =>
            a.AsMemberAsync(http, orderId, m => new OfferAccepted(m), ct));
        app.MapPost(Routes.Decline, (string orderId, ReasonRequest? body, HttpContext http, OrderActions a, CancellationToken ct) =>
            a.AsMemberAsync(http, orderId, m => new OfferDeclined(m, FreeText.Reason(body?.Reason)), ct));
        app.MapPost(Routes.Claim, (string orderId, HttpContext http, OrderActions a, CancellationToken ct) =>
            a.AsMemberAsync(http, orderId, m => new WishClaimed(m), ct));
        app.MapPost(Routes.Hours, (string orderId, HoursRequest? body, HttpContext http, OrderActions a, CancellationToken ct) =>
            a.AsMemberAsync(http, orderId, m => new HoursReported(m, ServiceHours.FromHours(body?.Hours ?? 0)), ct));
        app.MapPost(Routes.Dispatch, DispatchAsync);
        return app;
    }

    private static async Task<IResult> PlaceAsync(
        PlaceOrderRequest? body, HttpContext http, PlaceCheck check, OrderWorkflow workflow, EffectRunner runner,
        OrderStore orders, Links links, TimeProvider clock, CancellationToken ct)
    {
        var (request, resident) = OrderForm.Validate(body, clock.GetUtcNow());
        var key = OrderForm.IdempotencyKey(http.Request.Headers["Idempotency-Key"].ToString());
        await check.EnsureKnownAsync(request, ct);
        var (order, created) = await workflow.PlaceAsync(request, resident, key, ct);
        await runner.RunAsync(order.OrderId, ct);
        var token = links.ResidentToken(order.OrderId);
        var current = await orders.GetAsync(order.OrderId, ct) ?? order;
        var response = new PlaceOrderResponse(current.OrderId, current.State.Status.ToString(), Routes.TrackingPage(current.OrderId, token), token);
        return created ? Results.Created($"/api/orders/{order.OrderId}", response) : Results.Ok(response);
    }

    private static async Task<IResult> GetAsync(string orderId, HttpContext http, OrderActions actions, CancellationToken ct)
    {
        var order = await actions.LoadAsync(orderId, ct);
        return Results.Ok(await actions.ViewForAsync(http, order, ct));
    }

    private static async Task<IResult> ConfirmAsync(string orderId, ConfirmRequest? body, HttpContext http, OrderActions actions, Access access, CancellationToken ct)
    {
        var order = await actions.LoadAsync(orderId, ct);
        return await actions.ApplyAsync(http, orderId, access.Confirmation(http.Request, order.State, body?.Rating), ct);
    }

    private static async Task<IResult> DispatchAsync(
        string orderId, DispatchRequest? body, HttpContext http, OrderActions actions, Access access, HandDispatch hand, CancellationToken ct)
    {
        var order = await actions.LoadAsync(orderId, ct);
        var community = order.State.Request.Location.CommunityId;
        var organizer = access.Organizer(http, community);
        return await actions.ApplyAsync(http, orderId, await hand.EventAsync(community, organizer.Subject, body?.MemberId, ct), ct);
    }
}

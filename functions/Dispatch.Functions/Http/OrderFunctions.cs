using Dispatch.App.Orders;
using Dispatch.App.RateLimiting;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Dispatch.Core.Hours;
using Dispatch.Core.Orders;
using Dispatch.Functions.Orders;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>The resident's, member's and organizer's actions on one order: the local host's routes, shapes
/// and problems, through the shared layer (links, place check, loading and views). Every route is anonymous
/// at the Functions level and guarded by the caller's signed link, as on the local host (hand dispatch by the
/// organizer's).
/// Routes are <see cref="Routes"/> without the "/api/" prefix, which host.json's routePrefix adds
/// (a test checks every one).</summary>
public sealed class OrderFunctions(
    OrderStore orders,
    IdempotencyStore idempotency,
    OrderIndex index,
    HandDispatch hand,
    MemberEvents memberEvents,
    OrderDecider decider,
    OrderCommands commands,
    PlaceCheck places,
    OrderReader reader,
    Access access,
    Links links,
    ClientRateLimiter limits,
    TimeProvider clock,
    ILogger<OrderFunctions> logger)
{
    [Function("PlaceOrder")]
    public Task<IActionResult> PlaceAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        limits.Acquire(req.HttpContext);
        var body = await HttpApi.ReadBodyAsync<PlaceOrderRequest>(req, ct);
        var now = clock.GetUtcNow();
        var (request, resident) = OrderForm.Validate(body, now);
        var key = OrderForm.IdempotencyKey(req.Headers["Idempotency-Key"].ToString());
        await places.EnsureKnownAsync(request, ct);

        var proposed = NewOrderId();
        var orderId = key is null ? proposed : await idempotency.ReserveOrderAsync(key, request, resident, proposed, ct);
        var stored = await orders.GetAsync(orderId, ct);
        var created = false;
        if (stored is null)
        {
            var placed = new OrderPlaced(orderId, request);
            var decision = decider.Place(placed, now);
            stored = await orders.CreateAsync(decision.State, resident, placed, now, [], ct);
            created = stored.State.PlacedAt == now;
            await index.ProjectAsync(stored.State, ct);
            logger.LogInformation("Order {OrderId} placed: {Kind} {Category} in {CommunityId}/{GridId}", orderId,
                request.Kind, request.Category, request.Location.CommunityId, request.Location.GridId);
        }

        // Also on a retried request: the first one may have stored the order and failed before starting it.
        await commands.EnsureStartedAsync(client, stored.State, ct);
        var token = links.ResidentToken(stored.OrderId);
        var response = new PlaceOrderResponse(stored.OrderId, stored.State.Status.ToString(), Routes.TrackingPage(stored.OrderId, token), token);
        return created ? HttpApi.Created(HttpApi.OrderPath(stored.OrderId), response) : HttpApi.Ok(response);
    });

    [Function("GetOrder")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orders/{orderId}")] HttpRequest req,
        string orderId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await reader.ViewForAsync(req, await reader.LoadAsync(orderId, ct), ct)));

    [Function("CancelOrder")]
    public Task<IActionResult> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{orderId}/cancel")] HttpRequest req,
        string orderId,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var body = await HttpApi.ReadBodyAsync<ReasonRequest>(req, ct);
        return await AsResidentAsync(req, client, orderId, new OrderCancelled(), ct, FreeText.Reason(body?.Reason));
    });

    [Function("DisputeOrder")]
    public Task<IActionResult> DisputeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{orderId}/dispute")] HttpRequest req,
        string orderId,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var body = await HttpApi.ReadBodyAsync<ReasonRequest>(req, ct);
        return await AsResidentAsync(req, client, orderId, new ServiceDisputed(), ct, FreeText.Reason(body?.Reason));
    });

    /// <summary>The resident confirms; an organizer (link of the order's community) may confirm instead.</summary>
    [Function("ConfirmOrder")]
    public Task<IActionResult> ConfirmAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{orderId}/confirm")] HttpRequest req,
        string orderId,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var body = await HttpApi.ReadBodyAsync<ConfirmRequest>(req, ct);
        var order = await reader.LoadAsync(orderId, ct);
        var e = access.Confirmation(req, order.State, body?.Rating);
        return await ApplyAsync(req, client, order, e, ct);
    });

    [Function("AcceptOffer")]
    public Task<IActionResult> AcceptAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{orderId}/accept")] HttpRequest req,
        string orderId,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () => AsMemberAsync(req, client, orderId, m => new OfferAccepted(m), ct));

    [Function("DeclineOffer")]
    public Task<IActionResult> DeclineAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{orderId}/decline")] HttpRequest req,
        string orderId,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var body = await HttpApi.ReadBodyAsync<ReasonRequest>(req, ct);
        return await AsMemberAsync(req, client, orderId, m => new OfferDeclined(m), ct, FreeText.Reason(body?.Reason));
    });

    [Function("ClaimWish")]
    public Task<IActionResult> ClaimAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{orderId}/claim")] HttpRequest req,
        string orderId,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () => AsMemberAsync(req, client, orderId, m => new WishClaimed(m), ct));

    [Function("ReportHours")]
    public Task<IActionResult> HoursAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{orderId}/hours")] HttpRequest req,
        string orderId,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var body = await HttpApi.ReadBodyAsync<HoursRequest>(req, ct);
        return await AsMemberAsync(req, client, orderId, m => new HoursReported(m, ServiceHours.FromHours(body?.Hours ?? 0)), ct);
    });

    /// <summary>Hand dispatch by an organizer of the order's community (the organizer link).</summary>
    [Function("DispatchByHand")]
    public Task<IActionResult> DispatchAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{orderId}/dispatch")] HttpRequest req,
        string orderId,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var body = await HttpApi.ReadBodyAsync<DispatchRequest>(req, ct);
        var order = await reader.LoadAsync(orderId, ct);
        var community = order.State.Request.Location.CommunityId;
        var organizer = access.Organizer(req, community);
        return await ApplyAsync(req, client, order, await hand.EventAsync(community, organizer.Subject, body?.MemberId, ct), ct);
    });

    // Free-text reasons travel beside the event, never in it: the orchestration's history holds ids only.
    private async Task<IActionResult> AsResidentAsync(HttpRequest req, DurableTaskClient client, string orderId, OrderEvent e, CancellationToken ct, string? reason = null)
    {
        access.Resident(req, orderId);
        return await ApplyAsync(req, client, await reader.LoadAsync(orderId, ct), e, ct, reason);
    }

    private async Task<IActionResult> AsMemberAsync(HttpRequest req, DurableTaskClient client, string orderId, Func<string, OrderEvent> make, CancellationToken ct, string? reason = null)
    {
        var order = await reader.LoadAsync(orderId, ct);
        return await ApplyAsync(req, client, order, await memberEvents.EventAsync(req, order.State, make, ct), ct, reason);
    }

    /// <summary>200 with the caller's view once the orchestration applied the event; 202 with the current
    /// view (and the order's own URL, never a Durable management URL) if it is still on its way.</summary>
    private async Task<IActionResult> ApplyAsync(HttpRequest req, DurableTaskClient client, StoredOrder order, OrderEvent e, CancellationToken ct, string? reason = null)
    {
        var applied = await commands.ApplyAsync(client, order, e, ct, reason);
        var view = await reader.ViewForAsync(req, applied.Order, ct, afterOwnAction: true);
        return applied.Done ? HttpApi.Ok(view) : HttpApi.Accepted(HttpApi.OrderPath(order.OrderId), view);
    }

    private static string NewOrderId() => $"o{Guid.CreateVersion7():N}"[..21];
}

using Dispatch.App.Orders;
using Dispatch.App.RateLimiting;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Dispatch.Functions.Orders;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>The resident's, member's and organizer's actions on one order: binding only; the rules are the shared
/// <see cref="OrderUseCases"/>, applied by a <see cref="DurableOrderEngine"/> over the function's Durable client
/// (an event the orchestration has not applied within the wait is answered 202). Every route is anonymous at the
/// Functions level and guarded by the caller's signed link, as on the local host. Each function reads the body
/// first, then the link (one call), as the local host binds them.
/// Routes are <see cref="Routes"/> without the "/api/" prefix, which host.json's routePrefix adds
/// (a test checks every one).</summary>
public sealed class OrderFunctions(OrderUseCases orders, Access access, OrderCommands commands, ClientRateLimiter limits, ILogger<OrderFunctions> logger)
{
    [Function("PlaceOrder")]
    public Task<IActionResult> PlaceAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        limits.Acquire(req.HttpContext);
        var body = await HttpApi.ReadBodyAsync<PlaceOrderRequest>(req, ct);
        return HttpApi.Answer(await orders.PlaceAsync(Engine(client), body, req.Headers["Idempotency-Key"].ToString(), ct));
    });

    [Function("PlaceOrderForResident")]
    public Task<IActionResult> PlaceForResidentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "organizer/orders")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var body = await HttpApi.ReadBodyAsync<PlaceOrderRequest>(req, ct);
        return HttpApi.Answer(await orders.PlaceForResidentAsync(
            Engine(client), OrganizerLink.From(req, access), body, req.Headers["Idempotency-Key"].ToString(), ct));
    });

    [Function("GetOrder")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orders/{orderId}")] HttpRequest req,
        string orderId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Answer(await orders.GetAsync(CallerLink.From(req, access), orderId, ct)));

    [Function("CancelOrder")]
    public Task<IActionResult> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{orderId}/cancel")] HttpRequest req,
        string orderId,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var body = await HttpApi.ReadBodyAsync<ReasonRequest>(req, ct);
        return HttpApi.Answer(await orders.CancelAsync(Engine(client), ResidentLink.From(req, access), orderId, body, ct));
    });

    [Function("DisputeOrder")]
    public Task<IActionResult> DisputeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{orderId}/dispute")] HttpRequest req,
        string orderId,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var body = await HttpApi.ReadBodyAsync<ReasonRequest>(req, ct);
        return HttpApi.Answer(await orders.DisputeAsync(Engine(client), ResidentLink.From(req, access), orderId, body, ct));
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
        return HttpApi.Answer(await orders.ConfirmAsync(Engine(client), CallerLink.From(req, access), orderId, body, ct));
    });

    [Function("AcceptOffer")]
    public Task<IActionResult> AcceptAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{orderId}/accept")] HttpRequest req,
        string orderId,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Answer(await orders.AcceptAsync(Engine(client), MemberLink.From(req, access), orderId, ct)));

    [Function("DeclineOffer")]
    public Task<IActionResult> DeclineAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{orderId}/decline")] HttpRequest req,
        string orderId,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var body = await HttpApi.ReadBodyAsync<ReasonRequest>(req, ct);
        return HttpApi.Answer(await orders.DeclineAsync(Engine(client), MemberLink.From(req, access), orderId, body, ct));
    });

    [Function("ClaimWish")]
    public Task<IActionResult> ClaimAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{orderId}/claim")] HttpRequest req,
        string orderId,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Answer(await orders.ClaimAsync(Engine(client), MemberLink.From(req, access), orderId, ct)));

    [Function("ReportHours")]
    public Task<IActionResult> HoursAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{orderId}/hours")] HttpRequest req,
        string orderId,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var body = await HttpApi.ReadBodyAsync<HoursRequest>(req, ct);
        return HttpApi.Answer(await orders.HoursAsync(Engine(client), MemberLink.From(req, access), orderId, body, ct));
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
        return HttpApi.Answer(await orders.DispatchAsync(Engine(client), OrganizerLink.From(req, access), orderId, body, ct));
    });

    private DurableOrderEngine Engine(DurableTaskClient client) => new(commands, client);
}

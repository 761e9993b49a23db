using Dispatch.App.Orders;
using Dispatch.App.Queries;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>The organizer desk's order tools, as on the local host (<c>DeskEndpoints</c>): the search behind dispatch by
/// hand, and a resident's contact on an escalated order with its access log.</summary>
public sealed class DeskFunctions(Access access, HandCandidates candidates, ContactAccess contact, OrderHistory history, ILogger<DeskFunctions> logger)
{
    [Function("OrderHistory")]
    public Task<IActionResult> HistoryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "organizer/orders/history")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await history.PageAsync(OrganizerLink.From(req, access), HistoryFilter.Read(key => req.Query[key].ToString()), ct)));

    [Function("OrderCandidates")]
    public Task<IActionResult> CandidatesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "organizer/orders/{orderId}/candidates")] HttpRequest req,
        string orderId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await candidates.FindAsync(OrganizerLink.From(req, access), orderId,
            req.Query["q"].ToString(), req.Query["grid"].ToString(), req.Query["available"].ToString(), ct)));

    [Function("OrderContact")]
    public Task<IActionResult> ContactAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "organizer/orders/{orderId}/contact")] HttpRequest req,
        string orderId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var body = await HttpApi.ReadBodyAsync<ReasonRequest>(req, ct);
        return HttpApi.Ok(await contact.ViewAsync(OrganizerLink.From(req, access), orderId, body, ct));
    });

    [Function("OrderContactLog")]
    public Task<IActionResult> ContactLogAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "organizer/orders/{orderId}/contact-log")] HttpRequest req,
        string orderId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await contact.LogAsync(OrganizerLink.From(req, access), orderId, ct)));
}

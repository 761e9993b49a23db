using Dispatch.App.Queries;
using Dispatch.App.SignedLinks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>Community staff: open and escalated orders, the members to dispatch to by hand, the organizers'
/// notices (escalations, digests) and undeliverable offers (the Service Bus dead-letter queue; the Storage
/// queue's poison queue in a build without Service Bus) — the shared <see cref="OrganizerQueries"/>, as in
/// the local host. These need a function key (AuthorizationLevel.Function) on top of the organizer's link;
/// the community list feeds the resident's order form and is public.</summary>
public sealed class OrganizerFunctions(Access access, OrganizerQueries queries, TimeProvider clock, ILogger<OrganizerFunctions> logger)
{
    [Function("OrganizerOrders")]
    public Task<IActionResult> OrdersAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "organizer/orders")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await queries.OrdersAsync(access.AnyOrganizer(req).Scope, req.Query["status"].ToString(), ct)));

    [Function("OrganizerMembers")]
    public Task<IActionResult> MembersAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "organizer/members")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await queries.MembersAsync(access.AnyOrganizer(req).Scope, clock.GetUtcNow(), ct)));

    [Function("OrganizerNotices")]
    public Task<IActionResult> NoticesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "organizer/notices")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await queries.NoticesAsync(access.AnyOrganizer(req).Scope, ct)));

    [Function("OrganizerDeadLetters")]
    public Task<IActionResult> DeadLettersAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "organizer/dead-letters")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await queries.DeadLettersAsync(access.AnyOrganizer(req).Scope, ct)));

    [Function("Communities")]
    public Task<IActionResult> CommunitiesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "communities")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await queries.CommunitiesAsync(ct)));
}

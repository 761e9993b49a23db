using Dispatch.App.Queries;
using Dispatch.App.SignedLinks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>Community staff: open and escalated orders, the members to dispatch to by hand, the organizers'
/// notices (escalations, digests) and undeliverable offers (the Service Bus dead-letter queue; the Storage
/// queue's poison queue in an app without Service Bus settings), which they can send again — the shared
/// <see cref="OrganizerQueries"/> and <see cref="DeadLetterResubmission"/>, as in the local host. Anonymous at the Functions level, as on the
/// local host: the organizer's signed link is the rule (pages cannot carry a function key); the community list
/// feeds the resident's order form and is public.</summary>
public sealed class OrganizerFunctions(
    Access access, OrganizerQueries queries, DeadLetterResubmission resubmission, TimeProvider clock, ILogger<OrganizerFunctions> logger)
{
    [Function("OrganizerOrders")]
    public Task<IActionResult> OrdersAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "organizer/orders")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await queries.OrdersAsync(OrganizerLink.From(req, access), req.Query["status"].ToString(), ct)));

    [Function("OrganizerMembers")]
    public Task<IActionResult> MembersAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "organizer/members")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await queries.MembersAsync(OrganizerLink.From(req, access), clock.GetUtcNow(), ct)));

    [Function("OrganizerNotices")]
    public Task<IActionResult> NoticesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "organizer/notices")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await queries.NoticesAsync(OrganizerLink.From(req, access), ct)));

    [Function("OrganizerDeadLetters")]
    public Task<IActionResult> DeadLettersAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "organizer/dead-letters")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await queries.DeadLettersAsync(CommunityOrganizerLink.From(req, access).CommunityId, ct)));

    /// <summary>Sends an undeliverable offer of the organizer's community again (the id from the list).</summary>
    [Function("ResubmitDeadLetter")]
    public Task<IActionResult> ResubmitDeadLetterAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "organizer/dead-letters/{id}/resubmit")] HttpRequest req,
        string id,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await resubmission.ResubmitAsync(CommunityOrganizerLink.From(req, access), id, ct)));

    [Function("Communities")]
    public Task<IActionResult> CommunitiesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "communities")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await queries.CommunitiesAsync(ct)));
}

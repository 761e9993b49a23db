using Dispatch.App.Queries;
using Dispatch.Core.Api;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>The member's inbox, the wish board and the member's own service record: the shared
/// <see cref="MemberQueries"/>, as in the local host. Anonymous at the Functions level, guarded by the
/// member's link.</summary>
public sealed class MemberFunctions(Access access, MemberQueries queries, TimeProvider clock, ILogger<MemberFunctions> logger)
{
    [Function("MemberInbox")]
    public Task<IActionResult> InboxAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "members/me/inbox")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await queries.InboxAsync(MemberLink.From(req, access), ct)));

    [Function("WishBoard")]
    public Task<IActionResult> BoardAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "board")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        HttpApi.Ok(await queries.BoardAsync(MemberLink.From(req, access), ct)));

    [Function("MyRecords")]
    public Task<IActionResult> RecordsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "members/me/records")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var token = MemberLink.From(req, access);
        var year = Years.FromQuery(req.Query["year"].ToString(), ChinaTime.YearOf(clock.GetUtcNow()));
        return HttpApi.Ok(await queries.RecordsAsync(token, year, ct));
    });
}

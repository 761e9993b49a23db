using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Core.Time;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>The member's inbox, the wish board and the member's own service record: the same tables and
/// shapes as the local host. Anonymous at the Functions level, guarded by the member's link.</summary>
public sealed class MemberFunctions(
    Access access,
    MemberStore members,
    MemberInbox inbox,
    OrderStore orders,
    NoticeStore notices,
    OrderIndex index,
    ServiceRecordStore records,
    TimeProvider clock,
    ILogger<MemberFunctions> logger)
{
    /// <summary>How many recent orders the inbox shows.</summary>
    public const int InboxSize = 50;

    [Function("MemberInbox")]
    public Task<IActionResult> InboxAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "members/me/inbox")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var token = access.MemberOfCommunity(req);
        var member = await members.GetAsync(token.Scope, token.Subject, ct) ?? throw new ApiProblemException(ApiProblem.NotFound("member"));
        var items = (await inbox.ListAsync(member.MemberId, ct)).Take(InboxSize);
        var views = new List<MemberOrderView>();
        foreach (var item in items)
        {
            if (await orders.GetAsync(item.OrderId, ct) is { } order)
            {
                views.Add(OrderViews.ForMember(order.State, order.Resident, member.MemberId));
            }
        }

        var recent = await notices.ListAsync(NoticeRecipient.Member(member.MemberId), 20, ct);
        static bool Current(MemberOrderView v) => v.YourRole == "assigned" && v.Status is nameof(OrderStatus.Accepted) or nameof(OrderStatus.Done);
        return HttpApi.Ok(new InboxView(
            new MemberSummary(member.MemberId, member.Name, member.Home.CommunityId, member.Home.GridId, member.Home.BuildingId),
            [.. views.Where(v => v.YourRole == "offered")],
            [.. views.Where(Current)],
            [.. views.Where(v => !(v.YourRole == "offered" || Current(v)))],
            [.. recent.Select(n => new NoticeView(n.At, n.OrderId, n.Kind.ToString()))]));
    });

    [Function("WishBoard")]
    public Task<IActionResult> BoardAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "board")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var token = access.MemberOfCommunity(req);
        var open = await index.ListOpenAsync(token.Scope, cancellationToken: ct);
        var board = new List<BoardItem>();
        foreach (var wish in open.Where(o => o.Kind == OrderKind.Wish && o.MemberId is null).OrderBy(o => o.PlacedAt).Take(100))
        {
            if (await orders.GetAsync(wish.OrderId, ct) is { } order)
            {
                board.Add(new BoardItem(wish.OrderId, wish.Category.ToString(), wish.GridId, wish.BuildingId, wish.PlacedAt, order.Resident.Description));
            }
        }

        return HttpApi.Ok(board);
    });

    [Function("MyRecords")]
    public Task<IActionResult> RecordsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "members/me/records")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
    {
        var token = access.MemberOfCommunity(req);
        var year = int.TryParse(req.Query["year"], out var y) ? y : ChinaTime.YearOf(clock.GetUtcNow());
        var list = await records.ListForMemberAsync(token.Scope, year, token.Subject, ct);
        var tally = await records.GetTallyAsync(token.Scope, year, token.Subject, ct);
        return HttpApi.Ok(new MyRecordsView(
            year,
            tally?.Hours ?? 0,
            tally?.Services ?? 0,
            tally?.Wishes ?? 0,
            [.. list.OrderByDescending(r => r.ConfirmedAt).Select(r => new RecordView(
                r.RecordId, r.OrderId, r.Category.ToString(), r.IsWish, r.Hours, r.ServedOn, r.ConfirmedBy.ToString(), r.Rating, r.Reason))]));
    });
}

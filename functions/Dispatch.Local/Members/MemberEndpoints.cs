using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Core.Time;
using Dispatch.Local.Hosting;
using Dispatch.Storage;

namespace Dispatch.Local.Members;

/// <summary>The member's inbox, the wish board and the member's own service record.</summary>
public static class MemberEndpoints
{
    /// <summary>How many recent orders the inbox shows.</summary>
    public const int InboxSize = 50;

    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        app.MapGet(Routes.Inbox, InboxAsync);
        app.MapGet(Routes.Board, BoardAsync);
        app.MapGet(Routes.MyRecords, RecordsAsync);
        return app;
    }

    private static async Task<IResult> InboxAsync(
        HttpContext http, Access access, MemberStore members, MemberInbox inbox, OrderStore orders, NoticeStore notices, CancellationToken ct)
    {
        var token = access.MemberOfCommunity(http);
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
        return Results.Ok(new InboxView(
            new MemberSummary(member.MemberId, member.Name, member.Home.CommunityId, member.Home.GridId, member.Home.BuildingId),
            [.. views.Where(v => v.YourRole == "offered")],
            [.. views.Where(v => v.YourRole == "assigned" && v.Status is nameof(OrderStatus.Accepted) or nameof(OrderStatus.Done))],
            [.. views.Where(v => !(v.YourRole == "offered" || v.YourRole == "assigned" && v.Status is nameof(OrderStatus.Accepted) or nameof(OrderStatus.Done)))],
            [.. recent.Select(n => new NoticeView(n.At, n.OrderId, n.Kind.ToString()))]));
    }

    private static async Task<IResult> BoardAsync(HttpContext http, Access access, OrderIndex index, OrderStore orders, CancellationToken ct)
    {
        var token = access.MemberOfCommunity(http);
        var open = await index.ListOpenAsync(token.Scope, cancellationToken: ct);
        var board = new List<BoardItem>();
        foreach (var wish in open.Where(o => o.Kind == OrderKind.Wish && o.MemberId is null).OrderBy(o => o.PlacedAt).Take(100))
        {
            if (await orders.GetAsync(wish.OrderId, ct) is { } order)
            {
                board.Add(new BoardItem(wish.OrderId, wish.Category.ToString(), wish.GridId, wish.BuildingId, wish.PlacedAt, order.Resident.Description));
            }
        }

        return Results.Ok(board);
    }

    private static async Task<IResult> RecordsAsync(HttpContext http, Access access, ServiceRecordStore records, TimeProvider clock, CancellationToken ct)
    {
        var token = access.MemberOfCommunity(http);
        var year = int.TryParse(http.Request.Query["year"], out var y) ? y : ChinaTime.YearOf(clock.GetUtcNow());
        var list = await records.ListForMemberAsync(token.Scope, year, token.Subject, ct);
        var tally = await records.GetTallyAsync(token.Scope, year, token.Subject, ct);
        return Results.Ok(new MyRecordsView(
            year,
            tally?.Hours ?? 0,
            tally?.Services ?? 0,
            tally?.Wishes ?? 0,
            [.. list.OrderByDescending(r => r.ConfirmedAt).Select(r => new RecordView(
                r.RecordId, r.OrderId, r.Category.ToString(), r.IsWish, r.Hours, r.ServedOn, r.ConfirmedBy.ToString(), r.Rating, r.Reason))]));
    }
}

using Dispatch.App.Orders;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Storage;

namespace Dispatch.App.Queries;

/// <summary>The member's inbox, the wish board and the member's own service record.</summary>
public sealed class MemberQueries(
    MemberStore members, MemberInbox inbox, OrderStore orders, NoticeStore notices, OrderIndex index, ServiceRecordStore records, OrderReader reader)
{
    /// <summary>How many recent orders the inbox shows, and how many wishes the board.</summary>
    public const int InboxSize = 50;
    public const int BoardSize = 100;
    public const int Notices = 20;

    public async Task<InboxView> InboxAsync(MemberLink member, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        var me = await members.GetAsync(member.CommunityId, member.MemberId, ct) ?? throw new ApiProblemException(ApiProblem.NotFound("member"));
        var views = new List<MemberOrderView>();
        foreach (var item in (await inbox.ListAsync(me.MemberId, ct)).Take(InboxSize))
        {
            if (await orders.GetAsync(item.OrderId, ct) is { } order)
            {
                views.Add(await reader.MemberViewAsync(order, me.MemberId, ct));
            }
        }

        var recent = await notices.ListAsync(NoticeRecipient.Member(me.MemberId), Notices, ct);
        static bool Current(MemberOrderView v) => v.YourRole == "assigned" && v.Status is OrderStatus.Accepted or OrderStatus.Done;
        return new InboxView(
            new MemberSummary(me.MemberId, me.Name, me.Home.CommunityId, me.Home.GridId, me.Home.BuildingId),
            [.. views.Where(v => v.YourRole == "offered")],
            [.. views.Where(Current)],
            [.. views.Where(v => !(v.YourRole == "offered" || Current(v)))],
            [.. recent.Select(n => NoticeView.Of(n.At, n.OrderId, n.Kind, n.Text))]);
    }

    public async Task<IReadOnlyList<BoardItem>> BoardAsync(MemberLink member, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        var open = await index.ListOpenAsync(member.CommunityId, cancellationToken: ct);
        var board = new List<BoardItem>();
        foreach (var wish in open.Where(o => o.Kind == OrderKind.Wish && o.MemberId is null).OrderBy(o => o.PlacedAt).Take(BoardSize))
        {
            if (await orders.GetAsync(wish.OrderId, ct) is { } order)
            {
                board.Add(new BoardItem(wish.OrderId, wish.Category.ToString(), wish.GridId, wish.BuildingId, wish.PlacedAt, order.Resident.Description));
            }
        }

        return board;
    }

    public async Task<MyRecordsView> RecordsAsync(MemberLink member, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        var list = await records.ListForMemberAsync(member.CommunityId, year, member.MemberId, ct);
        var tally = await records.GetTallyAsync(member.CommunityId, year, member.MemberId, ct);
        return new MyRecordsView(
            year,
            tally?.Hours ?? 0,
            tally?.Services ?? 0,
            tally?.Wishes ?? 0,
            [.. list.OrderByDescending(r => r.ConfirmedAt).Select(r => new RecordView(
                r.RecordId, r.OrderId, r.Category.ToString(), r.IsWish, r.Hours, r.ServedOn, r.ConfirmedBy.ToString(), r.Rating, r.Reason))]);
    }
}

using Dispatch.Core.Matching;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;

namespace Dispatch.Core.Tests.Matching;

/// <summary>The desk's search for dispatch by hand: the policy's eligible members first in its order, then the rest;
/// inactive members never; declined members marked; the query narrows by name, service, grid and availability.</summary>
public class HandSearchTests
{
    private static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly OrderRequest Repair =
        new(OrderKind.Service, ServiceCategory.Repair, new Location("c1", "g1", "b1"), false, null);

    private static Member M(string id, string name, string grid = "g1", ServiceCategory skill = ServiceCategory.Repair, bool active = true, Availability? availability = null) =>
        new(id, name, "13800000000", new Location("c1", grid, "b1"), [skill], availability ?? Availability.AnyTime, active);

    private static readonly Member[] Roster =
    [
        M("m1", "刘建国"), M("m2", "王秀英", grid: "g2"), M("m3", "张伟", skill: ServiceCategory.Tutoring),
        M("m4", "陈静", active: false), M("m5", "刘芳", availability: new Availability([new WeeklySlot(DayOfWeek.Saturday, 8, 18)])),
        M("m6", "黄磊"),
    ];

    private static HandCandidate[] Find(HandQuery query, string[]? excluded = null) =>
        [.. HandSearch.Find(Repair, Roster, _ => MemberLoad.None, excluded ?? [], Monday10, query)];

    [Fact]
    public void Eligible_members_come_first_in_the_policys_order_then_the_rest_and_inactive_members_never()
    {
        var found = Find(new HandQuery(null, null, false), excluded: ["m6"]);
        Assert.Equal(["m1", "m2", "m5", "m3", "m6"], found.Select(c => c.Member.MemberId));
        Assert.Equal([1, 2], found.Where(c => c.Reason is not null).Select(c => c.Reason!.Rank));
        Assert.True(found.Single(c => c.Member.MemberId == "m6").Declined);
        Assert.Contains("已拒绝", found.Single(c => c.Member.MemberId == "m6").Explain().Zh, StringComparison.Ordinal);
        Assert.Contains("does not offer", found.Single(c => c.Member.MemberId == "m3").Explain().En, StringComparison.Ordinal);
    }

    [Fact]
    public void The_query_narrows_by_name_service_grid_and_availability()
    {
        Assert.Equal(["m1", "m5"], Find(new HandQuery("刘", null, false)).Select(c => c.Member.MemberId));
        Assert.Equal(["m3"], Find(new HandQuery("辅导", null, false)).Select(c => c.Member.MemberId)); // 课业辅导 by its Chinese name
        Assert.Equal(["m2"], Find(new HandQuery(null, "g2", false)).Select(c => c.Member.MemberId));
        Assert.DoesNotContain("m5", Find(new HandQuery(null, null, true)).Select(c => c.Member.MemberId));
    }
}

using System.Collections.Immutable;
using Dispatch.Core.Matching;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;

namespace Dispatch.Core.Tests.Matching;

public class MatchPolicyTests
{
    private static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly OrderRequest Repair =
        new(OrderKind.Service, ServiceCategory.Repair, new Location("c1", "g1", "b1", "h101"), false, null);

    private static Member M(string id, string grid = "g2", string building = "b9", string community = "c1",
        ServiceCategory skill = ServiceCategory.Repair, bool active = true, Availability? availability = null, string? household = null) =>
        new(id, id, "13800000000", new Location(community, grid, building), [skill], availability ?? Availability.AnyTime, active,
            household is null ? null : [household]);

    private static ImmutableArray<string> Rank(IEnumerable<Member> members, Func<string, MemberLoad>? load = null, string[]? excluded = null) =>
        [.. MatchPolicy.Rank(Repair, members, load ?? (_ => MemberLoad.None), excluded ?? [], Monday10).Select(c => c.MemberId)];

    [Fact]
    public void Closer_members_in_the_organization_tree_come_first()
    {
        var ranked = Rank([M("community"), M("grid", grid: "g1"), M("building", grid: "g1", building: "b1"), M("linked", household: "h101")]);
        Assert.Equal(["linked", "building", "grid", "community"], ranked.AsEnumerable());
    }

    [Fact]
    public void Only_active_members_of_the_community_who_offer_the_service_and_are_free_then_are_offered()
    {
        var weekendsOnly = new Availability([new WeeklySlot(DayOfWeek.Saturday, 8, 18)]);
        var mondayMornings = new Availability([new WeeklySlot(DayOfWeek.Monday, 8, 12)]);
        var ranked = Rank([
            M("ok"), M("inactive", active: false), M("other-community", community: "c2"),
            M("tutor", skill: ServiceCategory.Tutoring), M("weekend", availability: weekendsOnly),
            M("monday", availability: mondayMornings), M("declined"),
        ], excluded: ["declined"]);
        Assert.Equal(["monday", "ok"], ranked.AsEnumerable());
    }

    [Fact]
    public void At_equal_distance_the_member_furthest_behind_quota_then_hours_then_load_goes_first()
    {
        var loads = new Dictionary<string, MemberLoad>
        {
            ["quota-met"] = new(0, 2, 1, 0),
            ["behind"] = new(3, 0, 0, 40),
            ["behind-fewer-hours"] = new(3, 0, 0, 10),
            ["behind-fewer-hours-idle"] = new(0, 0, 0, 10),
        };
        var ranked = Rank(loads.Keys.Select(k => M(k)), id => loads[id]);
        Assert.Equal(["behind-fewer-hours-idle", "behind-fewer-hours", "behind", "quota-met"], ranked.AsEnumerable());
    }

    [Fact]
    public void Ties_break_on_member_id_so_the_same_input_always_gives_the_same_offer()
    {
        var members = new[] { M("m3"), M("m1"), M("m2") };
        Assert.Equal(["m1", "m2", "m3"], Rank(members).AsEnumerable());
        Assert.Equal(Rank(members).AsEnumerable(), Rank(members.Reverse()).AsEnumerable());
    }

    [Fact]
    public void The_answer_explains_the_pick_or_says_nobody_is_left()
    {
        var found = Assert.IsType<CandidateFound>(MatchPolicy.Answer(Repair, [M("m1", grid: "g1")], _ => new MemberLoad(1, 1, 0, 7), [], Monday10));
        Assert.Equal((Closeness.SameGrid, 2, 1, 1), (found.Reason.Closeness, found.Reason.QuotaGap, found.Reason.Rank, found.Reason.CandidateCount));
        Assert.Contains("3.5 h", found.Reason.Explain(), StringComparison.Ordinal);
        Assert.IsType<NoCandidateLeft>(MatchPolicy.Answer(Repair, [M("m1")], _ => MemberLoad.None, ["m1"], Monday10));
    }
}

using System.Collections.Immutable;
using CsCheck;
using Dispatch.Core.Matching;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;

namespace Dispatch.Core.Tests.Matching;

/// <summary>The index must offer exactly whom the policy would, with the same reason, on any roster.</summary>
public class RosterIndexTests
{
    private static readonly DateTimeOffset Week = new(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly ServiceCategory[] Services = Enum.GetValues<ServiceCategory>();

    private static readonly Gen<Location> GenPlace =
        Gen.Select(Gen.Int[1, 2], Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[0, 4])
            .Select((c, g, b, h) => new Location($"c{c}", $"g{g}", $"b{b}", h == 0 ? null : $"h{h}"));

    private static readonly Gen<Availability> GenAvailability =
        Gen.Select(Gen.Int[0, 6], Gen.Int[-1, 24], Gen.Int[0, 25]).Select((d, from, to) => new WeeklySlot((DayOfWeek)d, from, to))
            .Array[0, 3]
            .Select(slots => new Availability([.. slots]));

    private static readonly Gen<Member> GenMember =
        Gen.Select(Gen.Int[0, 60], GenPlace, Gen.Int[0, Services.Length - 1].Array[1, 3], GenAvailability, Gen.Int[0, 9], Gen.Int[0, 4])
            .Select((id, place, skills, free, active, household) => new Member(
                $"m{id:D2}", "名字", "13900000000", place with { HouseholdId = null },
                [.. skills.Select(s => Services[s])], free, active != 0, household == 0 ? null : [$"h{household}"]));

    private static readonly Gen<MemberLoad> GenLoad =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 2], Gen.Int[0, 6]).Select((open, wishes, posts, halfHours) => new MemberLoad(open, wishes, posts, halfHours));

    private static readonly Gen<OrderRequest> GenRequest =
        Gen.Select(Gen.Int[0, Services.Length - 1], GenPlace, Gen.Bool, Gen.Int[-1, (7 * 24) - 1])
            .Select((s, place, urgent, hour) => new OrderRequest(
                OrderKind.Service, Services[s], place, urgent, hour < 0 ? null : Week.AddHours(hour).AddMinutes(hour % 60)));

    [Fact]
    public void The_index_offers_the_member_the_policy_would_with_the_same_reason()
    {
        Gen.Select(GenMember.Array[0, 40], GenLoad.Array[61], GenRequest, Gen.Int[0, 7 * 24 * 60], Gen.Int[0, 60].Array[0, 5])
            .Sample((roster, loads, request, nowMinutes, excludedIds) =>
            {
                // Ids are drawn with repeats; a roster holds each member once.
                var members = roster.DistinctBy(m => m.MemberId).ToList();
                MemberLoad LoadOf(string id) => loads[int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture)];
                var excluded = excludedIds.Select(i => $"m{i:D2}").ToList();
                var now = Week.AddMinutes(nowMinutes);
                var policy = MatchPolicy.Answer(request, members, LoadOf, excluded, now);
                var index = RosterIndex.Of(request.Location.CommunityId, members).Answer(request, LoadOf, excluded, now);
                Assert.Equal(policy, index);
            }, iter: 3000);
    }

    [Fact]
    public void An_index_holds_only_the_active_members_of_its_community()
    {
        var anyTime = Availability.AnyTime;
        var here = new Location("c1", "g1", "b1");
        var index = RosterIndex.Of("c1", [
            new Member("a", "甲", "13900000001", here, [ServiceCategory.Repair], anyTime),
            new Member("b", "乙", "13900000002", here, [ServiceCategory.Repair], anyTime, Active: false),
            new Member("c", "丙", "13900000003", here with { CommunityId = "c2" }, [ServiceCategory.Repair], anyTime),
        ]);
        Assert.Equal(1, index.Count);
        Assert.Equal([true, false, false, false], new[] { "a", "b", "c", "nobody" }.Select(index.Holds));
        var found = Assert.IsType<CandidateFound>(index.Answer(
            new OrderRequest(OrderKind.Service, ServiceCategory.Repair, here, false, null), _ => MemberLoad.None, ImmutableArray<string>.Empty, Week));
        Assert.Equal(("a", 1), (found.MemberId, found.Reason.CandidateCount));
    }
}

using System.Collections.Immutable;
using Dispatch.Core.Hours;
using Dispatch.Core.Members;
using Dispatch.Core.Time;

namespace Dispatch.Benchmarks.Tallies;

/// <summary>One synthetic district-year, the same for the same options (seeded <see cref="Random"/>).
/// Members are spread evenly over communities "c00"…, grids "c00g1"…, buildings "c00g1b01"…; 2% are
/// inactive. Records: each of the <c>--records</c> slots goes to a uniformly drawn member (≈ Poisson per
/// member), hours 0.5–12 (1–24 half-hours, short ones more likely), 8 categories, ≈20% wishes, ≈70% rated
/// (mostly 4–5 stars), ≈3% corrections of one of the member's earlier originals (same ServedOn, organizer,
/// no rating); ServedOn spread over the China calendar year, confirmed that China day between 08:00 and
/// 23:59 (+08:00), corrections 1–30 days later. Every record is in <see cref="Year"/>.</summary>
public sealed class DistrictYear
{
    private DistrictYear(int year, IReadOnlyList<string> communities, Member[] members, ServiceRecord[][] recordsByMember, int recordCount, int corrections)
    {
        Year = year;
        Communities = communities;
        Members = members;
        RecordsByMember = recordsByMember;
        RecordCount = recordCount;
        Corrections = corrections;
    }

    public int Year { get; }

    public IReadOnlyList<string> Communities { get; }

    /// <summary>All members, community by community (member i is in community i / members-per-community).</summary>
    public Member[] Members { get; }

    /// <summary>The records of member i (one member-year partition each).</summary>
    public ServiceRecord[][] RecordsByMember { get; }

    public int RecordCount { get; }

    public int Corrections { get; }

    public int MembersPerCommunity => Members.Length / Communities.Count;

    public ArraySegment<Member> RosterOf(int community) => new(Members, community * MembersPerCommunity, MembersPerCommunity);

    public IEnumerable<ServiceRecord> RecordsOf(int community) =>
        RecordsByMember.Skip(community * MembersPerCommunity).Take(MembersPerCommunity).SelectMany(r => r);

    public IEnumerable<ServiceRecord> AllRecords => RecordsByMember.SelectMany(r => r);

    public static DistrictYear Generate(TallyOptions o)
    {
        var random = new Random(o.Seed);
        var perCommunity = o.Members / o.Communities;
        var communities = Enumerable.Range(0, o.Communities).Select(c => $"c{c:D2}").ToArray();
        var members = new Member[o.Members];
        for (var i = 0; i < o.Members; i++)
        {
            var c = i / perCommunity;
            var local = i % perCommunity;
            var grid = local % o.Grids;
            var building = local / o.Grids % o.Buildings;
            var gridId = $"{communities[c]}g{grid + 1}";
            var home = new Location(communities[c], gridId, $"{gridId}b{building + 1:D2}", $"{gridId}b{building + 1:D2}h{local / (o.Grids * o.Buildings) + 1:D3}");
            members[i] = new Member(
                $"m{i:D6}",
                $"Member {i}",
                $"139{i:D8}",
                home,
                [(ServiceCategory)(i % 8)],
                Availability.AnyTime,
                Active: random.NextDouble() >= 0.02);
        }

        var counts = new int[o.Members];
        for (var r = 0; r < o.Records; r++)
        {
            counts[random.Next(o.Members)]++;
        }

        var firstDay = new DateOnly(o.Year, 1, 1);
        var days = DateTime.IsLeapYear(o.Year) ? 366 : 365;
        var byMember = new ServiceRecord[o.Members][];
        var order = 0;
        var corrections = 0;
        for (var i = 0; i < o.Members; i++)
        {
            var member = members[i];
            var list = new ServiceRecord[counts[i]];
            var uncorrected = new List<int>();
            for (var k = 0; k < list.Length; k++)
            {
                if (uncorrected.Count > 0 && random.NextDouble() < 0.03)
                {
                    var pick = random.Next(uncorrected.Count);
                    var original = list[uncorrected[pick]];
                    uncorrected.RemoveAt(pick);
                    var corrected = random.Next(0, ServiceHours.MaxHalfHours); // 0…23 half-hours
                    if (corrected >= original.HalfHours)
                    {
                        corrected++; // never equal to the original: a correction changes the hours
                    }

                    list[k] = original with
                    {
                        RecordId = original.RecordId + "~c1",
                        HalfHours = corrected - original.HalfHours,
                        ConfirmedAt = original.ConfirmedAt.AddDays(random.Next(1, 31)),
                        ConfirmedBy = ConfirmedBy.Organizer,
                        Rating = null,
                        CorrectsRecordId = original.RecordId,
                        Reason = "hours corrected by the organizer",
                    };
                    corrections++;
                    continue;
                }

                var servedOn = firstDay.AddDays(random.Next(days));
                var confirmedAt = ChinaTime.StartOf(servedOn).AddHours(8 + random.Next(16)).AddMinutes(random.Next(60));
                var orderId = $"o{order++:D7}";
                var rated = random.NextDouble() < 0.7;
                list[k] = new ServiceRecord(
                    orderId,
                    orderId,
                    member.MemberId,
                    member.Home,
                    (ServiceCategory)random.Next(8),
                    IsWish: random.NextDouble() < 0.2,
                    HalfHours: Math.Min(random.Next(1, 9) + (random.NextDouble() < 0.2 ? random.Next(0, 17) : 0), ServiceHours.MaxHalfHours),
                    servedOn,
                    confirmedAt,
                    random.NextDouble() < 0.9 ? ConfirmedBy.Resident : ConfirmedBy.Organizer,
                    rated ? Stars(random) : null);
                uncorrected.Add(k);
            }

            byMember[i] = list;
        }

        return new DistrictYear(o.Year, communities, members, byMember, o.Records, corrections);
    }

    private static int Stars(Random random) => random.NextDouble() switch
    {
        < 0.6 => 5,
        < 0.85 => 4,
        < 0.95 => 3,
        < 0.98 => 2,
        _ => 1,
    };

    /// <summary>A fresh original record for <paramref name="member"/> (the incremental-path sample), id "x{n}".</summary>
    public static ServiceRecord NewRecord(Random random, Member member, int year, int n)
    {
        var servedOn = new DateOnly(year, 1, 1).AddDays(random.Next(DateTime.IsLeapYear(year) ? 366 : 365));
        var id = $"x{n:D7}";
        return new ServiceRecord(
            id,
            id,
            member.MemberId,
            member.Home,
            (ServiceCategory)random.Next(8),
            random.NextDouble() < 0.2,
            random.Next(1, 9),
            servedOn,
            ChinaTime.StartOf(servedOn).AddHours(8 + random.Next(16)),
            ConfirmedBy.Resident,
            random.NextDouble() < 0.7 ? Stars(random) : null);
    }
}

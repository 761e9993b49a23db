using Dispatch.Core.Posts;
using Dispatch.Core.Tallies;
using static Dispatch.Benchmarks.Tallies.Stats;

namespace Dispatch.Benchmarks.Tallies;

/// <summary>Part 1: the pure calculator on the whole district-year in memory, one thread.
/// <list type="number">
/// <item>Incremental fold: <see cref="TallyCounts.Add(Dispatch.Core.Hours.ServiceRecord)"/> per record into a
/// dictionary keyed by member-year (what the store's tally row does, without storage).</item>
/// <item>Full recompute as the app does it, per community: <see cref="TallyCalculator.FromRecords"/> over the
/// community's records, then <see cref="TallyCalculator.Report"/> (roll-ups per community, grid, building)
/// with the community's roster; all communities.</item>
/// <item>Roll-ups alone from the stored counters (what the tally page does after TalliesAsync).</item>
/// <item>FromRecords on several communities in ONE call, at growing sizes, to show how it scales.</item>
/// </list>
/// Every figure is the p50 of <c>--runs</c> runs unless it says otherwise. No post claims (empty list).</summary>
internal sealed class InMemoryTallyBench(TallyOptions options, DistrictYear district)
{
    private static readonly PostClaim[] NoClaims = [];

    /// <summary>Folded counters per community (member id, counts), from the last fold run.</summary>
    public List<(string MemberId, TallyCounts Counts)>[] StoredCounts { get; private set; } = [];

    public int Run()
    {
        var rules = PointsRules.Default;
        var records = district.RecordCount;
        var year = district.Year;
        var communities = district.Communities;
        Console.WriteLine();
        Console.WriteLine(string.Create(Inv, $"== 1. In memory (one thread; p50 of {options.Runs} runs; allocated = GC.GetAllocatedBytesForCurrentThread) =="));

        // 1. Incremental fold.
        var fold = Repeat(() =>
        {
            var tallies = new Dictionary<(string Community, string Member), TallyCounts>();
            foreach (var member in district.RecordsByMember)
            {
                foreach (var r in member)
                {
                    var key = (r.Location.CommunityId, r.MemberId);
                    tallies[key] = (tallies.TryGetValue(key, out var t) ? t : TallyCounts.Zero).Add(r);
                }
            }

            return tallies;
        });
        var folded = fold.Result;
        StoredCounts = [.. communities.Select(c => new List<(string, TallyCounts)>())];
        var communityIndex = communities.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        foreach (var ((c, m), counts) in folded.OrderBy(kv => kv.Key.Member, StringComparer.Ordinal))
        {
            StoredCounts[communityIndex[c]].Add((m, counts));
        }

        Line("incremental fold  TallyCounts.Add per record, all records", fold.P50, fold.Allocated, records,
             string.Create(Inv, $"{fold.P50.TotalMilliseconds * 1e6 / Math.Max(records, 1):0} ns/record, {fold.Allocated / (double)Math.Max(records, 1):0} B/record"));

        // 2. Full recompute per community + roll-ups.
        var recompute = Repeat(() => communities.Select((c, i) =>
        {
            var tallies = TallyCalculator.FromRecords(district.RecordsOf(i), NoClaims, year, rules);
            return TallyCalculator.Report(c, year, tallies.Select(t => (t.MemberId, t.Counts)), district.RosterOf(i), rules);
        }).ToList());
        var reports = recompute.Result;
        Line(string.Create(Inv, $"full recompute    FromRecords + Report, per community × {communities.Count}"), recompute.P50, recompute.Allocated, records,
             string.Create(Inv, $"{Ms(recompute.P50.TotalMilliseconds / communities.Count)} ms per community of {N(district.MembersPerCommunity)} members / ~{N(records / (double)communities.Count)} records"));

        // 3. Roll-ups alone from the stored counters.
        var rollUps = Repeat(() => communities.Select((c, i) => TallyCalculator.Report(c, year, StoredCounts[i], district.RosterOf(i), rules)).ToList());
        Line(string.Create(Inv, $"roll-ups only     Report from stored counters, × {communities.Count}"), rollUps.P50, rollUps.Allocated, null,
             string.Create(Inv, $"{Ms(rollUps.P50.TotalMilliseconds / communities.Count)} ms per community; {N(rollUps.Result.Sum(r => r.RollUps.Grids.Count))} grid and {N(rollUps.Result.Sum(r => r.RollUps.Buildings.Count))} building roll-ups"));

        // Consistency: the recomputation, the fold and the roll-ups from the fold agree.
        var errors = 0;
        for (var i = 0; i < communities.Count; i++)
        {
            var fromFold = StoredCounts[i].ToDictionary(x => x.MemberId, x => x.Counts, StringComparer.Ordinal);
            foreach (var t in reports[i].Tallies)
            {
                if (!Equals(t.Counts, fromFold.GetValueOrDefault(t.MemberId) ?? TallyCounts.Zero))
                {
                    errors++;
                }
            }

            if (reports[i].RollUps != rollUps.Result[i].RollUps
                && (!reports[i].RollUps.Community.Equals(rollUps.Result[i].RollUps.Community)
                    || !reports[i].RollUps.Grids.SequenceEqual(rollUps.Result[i].RollUps.Grids)
                    || !reports[i].RollUps.Buildings.SequenceEqual(rollUps.Result[i].RollUps.Buildings)))
            {
                errors++;
            }
        }

        var district0 = reports.Sum(r => r.RollUps.Community.HalfHours) / 2m;
        var quota = reports.Sum(r => r.RollUps.Community.QuotaMet);
        Console.WriteLine(string.Create(Inv, $"   check: recompute = fold for {N(reports.Sum(r => r.Tallies.Count))} counted members, roll-ups equal: {(errors == 0 ? "yes" : "NO, " + errors + " differences")}; "
                                         + $"district total {district0:#,0.0} h, {N(reports.Sum(r => r.RollUps.Community.Services))} services, {N(reports.Sum(r => r.RollUps.Community.Wishes))} wishes, quota met {quota} (no posts generated)"));

        // 4. One FromRecords call over k communities, up to the whole district: it groups entries by member
        // once, so time should grow with the number of records only.
        Console.WriteLine(string.Create(Inv, $"   FromRecords in ONE call over k communities (single run each):"));
        for (var k = 1; k <= communities.Count && k * district.MembersPerCommunity <= options.WholeDistrictMaxMembers; k = k == communities.Count ? k + 1 : Math.Min(k * 2, communities.Count))
        {
            var input = Enumerable.Range(0, k).SelectMany(district.RecordsOf).ToList();
            var one = Measure(() => TallyCalculator.FromRecords(input, NoClaims, year, rules));
            Console.WriteLine(string.Create(Inv, $"     k={k,2}: {N(k * district.MembersPerCommunity),7} members, {N(input.Count),9} records: {Seconds(one.Elapsed),7} s, {Rate(input.Count, one.Elapsed),9} records/s"));
        }

        return errors;
    }

    private static void Line(string label, TimeSpan p50, long allocated, int? records, string extra) =>
        Console.WriteLine(string.Create(Inv, $"   {label,-62} {Seconds(p50),7} s  {(records is { } n ? Rate(n, p50) + " records/s" : ""),-22} alloc {Mb(allocated),-12} {extra}"));

    /// <summary>Runs <paramref name="work"/> <c>--runs</c> times; p50 time, the allocation of the p50 run
    /// and the last result.</summary>
    private (T Result, TimeSpan P50, long Allocated) Repeat<T>(Func<T> work)
    {
        var runs = new List<(T Result, TimeSpan Elapsed, long Allocated)>();
        for (var i = 0; i < options.Runs; i++)
        {
            runs.Add(Measure(work));
        }

        var median = runs.OrderBy(r => r.Elapsed).ElementAt((runs.Count - 1) / 2);
        return (runs[^1].Result, median.Elapsed, median.Allocated);
    }
}

using System.Collections.Immutable;
using System.Diagnostics;
using Dispatch.Benchmarks.Tallies;
using Dispatch.Core.Matching;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;

namespace Dispatch.Benchmarks.Matching;

/// <summary>In-memory matching: the policy's sort over the whole roster against the roster index, on rosters of
/// 5,000 and 100,000 generated members (one community, 20 grids × 10 buildings). Prints medians with the goals
/// beside them; asserts nothing but that both give the same answer for every request.</summary>
public static class MatchingBenchmark
{
    public const string Command = "matching";

    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(8));

    public static Task<int> RunAsync(string[] args)
    {
        var requests = args.Length > 0 ? int.Parse(args[0], Stats.Inv) : 200;
        Console.WriteLine($"Dispatch matching benchmark: {requests} requests per roster, medians of each way");
        var ok = true;
        foreach (var (size, goalMs) in new[] { (5_000, 0.1), (100_000, 1.0) })
        {
            ok &= Run(size, goalMs, requests);
        }

        return Task.FromResult(ok ? 0 : 1);
    }

    private static bool Run(int size, double goalMs, int requestCount)
    {
        var random = new Random(size);
        var services = Enum.GetValues<ServiceCategory>();
        var members = Enumerable.Range(0, size).Select(i => Member(i, random, services)).ToList();
        var loads = members.ToDictionary(m => m.MemberId, _ => new MemberLoad(random.Next(3), random.Next(3), random.Next(2), random.Next(40)));
        var requests = Enumerable.Range(0, requestCount).Select(_ => new OrderRequest(
            OrderKind.Service, services[random.Next(services.Length)], Place(random), random.Next(4) == 0,
            Monday.AddHours(random.Next(7 * 24)))).ToList();
        MemberLoad LoadOf(string id) => loads[id];
        var excluded = ImmutableArray<string>.Empty;

        var built = Stopwatch.StartNew();
        var index = RosterIndex.Of("c1", members);
        built.Stop();

        var policyMs = new List<double>();
        var indexMs = new List<double>();
        var same = 0;
        foreach (var request in requests)
        {
            var watch = Stopwatch.StartNew();
            var byPolicy = MatchPolicy.Answer(request, members, LoadOf, excluded, Monday);
            policyMs.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var byIndex = index.Answer(request, LoadOf, excluded, Monday);
            indexMs.Add(watch.Elapsed.TotalMilliseconds);
            same += byPolicy.Equals(byIndex) ? 1 : 0;
        }

        var median = Stats.P(indexMs, 50);
        Console.WriteLine(string.Create(Stats.Inv,
            $"  {size,7:N0} members: index built in {built.Elapsed.TotalMilliseconds:0} ms; median match: policy {Stats.Ms(Stats.P(policyMs, 50))} ms, "
            + $"index {median:0.000} ms (goal < {goalMs} ms: {(median < goalMs ? "met" : "NOT met")}); p99 index {Stats.P(indexMs, 99):0.000} ms; "
            + $"same answer {same}/{requests.Count}"));
        return same == requests.Count;
    }

    private static Location Place(Random random)
    {
        var grid = random.Next(20);
        return new Location("c1", $"g{grid}", $"g{grid}-b{random.Next(10)}", random.Next(5) == 0 ? $"h{random.Next(500)}" : null);
    }

    private static Member Member(int i, Random random, ServiceCategory[] services)
    {
        var skills = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => services[random.Next(services.Length)]).ToImmutableHashSet();
        var availability = random.Next(3) == 0
            ? Availability.AnyTime
            : new Availability([.. Enumerable.Range(1, 5).Select(d => new WeeklySlot((DayOfWeek)d, 18, 21)), new WeeklySlot(DayOfWeek.Saturday, 8, 20)]);
        var place = Place(random);
        return new Member($"m{i:D6}", "党员", "13900000000", place with { HouseholdId = null }, skills, availability,
            random.Next(20) != 0, place.HouseholdId is { } h ? [h] : null);
    }
}

using Dispatch.Benchmarks.Tallies;
using Dispatch.Core.Api;
using Dispatch.Local.Demo;
using Dispatch.Local.Hosting;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dispatch.Benchmarks.Idle;

/// <summary><c>idle [--seconds 60] [--orders 20]</c>: the local host as it runs (real clock, its own background
/// loop): storage requests per second with no traffic, with the demo community and then with 49 more empty
/// communities (after the first pass that does the new communities' daily work, counted apart); then how long an order
/// takes from placing to the offer in the member's inbox, one order at a time (the host's delivery span says when; one
/// inbox read over HTTP then checks the member sees it), and again with 16 at a time (4 × as many orders). Prints
/// figures with the goals beside them; asserts nothing.</summary>
public static class IdleBenchmark
{
    public const string Command = "idle";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(a => int.Parse(a, Stats.Inv)).FirstOrDefault(60);
        var orders = args.SkipWhile(a => a != "--orders").Skip(1).Select(a => int.Parse(a, Stats.Inv)).FirstOrDefault(20);
        // Azurite on disk saves its whole database every few seconds, a stall Azure Storage does not have: --in-memory
        // leaves it out, to tell the host's own latency from the emulator's.
        var inMemory = args.Contains("--in-memory");
        Console.WriteLine($"Dispatch idle and delivery benchmark: {seconds} s idle per setting, {orders} orders one at a time; Azurite {(inMemory ? "in memory" : "on disk")}");
        await BenchEnvironment.PrintMachineAsync();
        var azurite = new AzuriteFixture { InMemoryPersistence = inMemory };
        try
        {
            await azurite.InitializeAsync();
            var (tablePort, queuePort, blobPort) = BenchEnvironment.PortsOf(azurite);
            using var meter = new StorageMeter(tablePort, queuePort, blobPort);
            await using var host = await BenchHost.StartAsync(azurite, liveLoops: true);
            await Task.Delay(TimeSpan.FromSeconds(2)); // the start-up pass

            await IdleAsync(meter, seconds, "1 community");
            var org = host.Services.GetRequiredService<OrgDirectory>();
            for (var i = 1; i <= 49; i++)
            {
                await org.UpsertCommunityAsync(new Community($"c{i:D2}", $"社区{i}", $"Community {i}"));
            }

            // The first upkeep pass after adding communities does each new community's daily work once (a burst
            // that comes back once a day, not a rate): counted apart, then the rate after it.
            var upkeep = host.Services.GetRequiredService<IOptions<DispatchOptions>>().Value.UpkeepInterval;
            await BurstAsync(meter, upkeep + TimeSpan.FromSeconds(5), newCommunities: 49);
            await IdleAsync(meter, seconds, "50 communities");
            // The host's first order pays for compiling and first use of the place path (about a second here): timed
            // apart, so the goal's figures are those of a host that has served an order.
            using var offers = new OfferWatch();
            await DeliveryAsync(host, offers, 1, concurrency: 1, goalMs: double.NaN);
            await DeliveryAsync(host, offers, orders, concurrency: 1, goalMs: 300);
            await DeliveryAsync(host, offers, orders * 4, concurrency: 16, goalMs: 1000);
            return 0;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task IdleAsync(StorageMeter meter, int seconds, string label)
    {
        meter.Reset();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var counts = meter.Read();
        var perSecond = counts.Total / (double)seconds;
        Console.WriteLine(string.Create(Stats.Inv,
            $"Idle, {label,-15} {counts.Total,5} storage requests in {seconds} s = {perSecond:0.00}/s (goal ≤ 1/s: {(perSecond <= 1 ? "met" : "NOT met")}; {perSecond * 86_400:N0} a day)"));
    }

    /// <summary>Counts the requests of the first upkeep pass after communities were added: a window as long as the
    /// upkeep period and a few seconds more, so the pass falls in it wherever it was in its period.</summary>
    private static async Task BurstAsync(StorageMeter meter, TimeSpan window, int newCommunities)
    {
        meter.Reset();
        await Task.Delay(window);
        var total = meter.Read().Total;
        Console.WriteLine(string.Create(Stats.Inv,
            $"Idle, the {window.TotalSeconds:0} s after adding {newCommunities} communities: {total} storage requests ({total / (double)newCommunities:0.0} per new community: its daily work, done once a day; not a rate)"));
    }

    /// <summary>Places <paramref name="count"/> urgent orders, <paramref name="concurrency"/> at a time, and times each
    /// from its POST until its offer is written to the member's inbox (the host's delivery span says when); one read of
    /// the inbox then checks the member sees it. Each member then declines.</summary>
    private static async Task DeliveryAsync(BenchHost host, OfferWatch offers, int count, int concurrency, double goalMs)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var shown = 0;
        var next = -1;
        async Task WorkerAsync()
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var form = new PlaceOrderRequest("Service", i % 2 == 0 ? "Repair" : "Visit", DemoData.CommunityId, "g1", "b1", null, true, null,
                    "张阿姨", "13812345678", "1号楼 302 室", "厨房水龙头漏水");
                var posted = DateTimeOffset.UtcNow;
                var placed = await host.CallAsync<PlaceOrderResponse>(HttpMethod.Post, Routes.Orders, null, form, Guid.NewGuid().ToString());
                if (await offers.InInboxAsync(placed.OrderId, TimeSpan.FromSeconds(10)) is not var (at, memberId))
                {
                    continue; // not delivered within 10 s: counted as not seen
                }

                latencies.Add((at - posted).TotalMilliseconds);
                var member = host.Links.MemberToken(memberId, DemoData.CommunityId);
                var inbox = await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, member);
                if (inbox.Offers.Any(o => o.OrderId == placed.OrderId))
                {
                    Interlocked.Increment(ref shown);
                }

                // Decline, so the member is free and the demo roster is not used up.
                await host.CallAsync<MemberOrderView>(HttpMethod.Post, Routes.Decline.Replace("{orderId}", placed.OrderId, StringComparison.Ordinal), member, new ReasonRequest("测试"));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => WorkerAsync()));
        var seen = latencies.ToList();
        var p99 = Stats.P(seen, 99);
        var read = $"the member's next inbox read showed it for {shown}/{seen.Count}";
        Console.WriteLine(double.IsNaN(goalMs)
            ? string.Create(Stats.Inv, $"Placed → offer in the inbox, the host's first order (cold): {(seen.Count == 1 ? seen[0].ToString("0", Stats.Inv) + " ms" : "not delivered")}; {read}")
            : string.Create(Stats.Inv,
                $"Placed → offer in the inbox, concurrency {concurrency,2}: {seen.Count}/{count} delivered; p50 {Stats.P(seen, 50):0} ms, p99 {p99:0} ms (goal p99 < {goalMs:0} ms: {(seen.Count == count && shown == count && p99 < goalMs ? "met" : "NOT met")}); {read}"));
    }
}

using System.Diagnostics;
using Dispatch.Benchmarks.Tallies;
using Dispatch.Core.Api;
using Dispatch.Local.Demo;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Benchmarks.Idle;

/// <summary><c>idle [--seconds 60] [--orders 20]</c>: the local host as it runs (real clock, its own background
/// loop): storage requests per second with no traffic, with the demo community and then with 49 more empty
/// communities; then how long an order takes from placing to the offer in the member's inbox, one order at a time
/// (the benchmark polls the inbox over HTTP every 10 ms to see it; those reads are not the host's own cost and are
/// not counted as idle), and again with 16 at a time (4 × as many orders). Prints figures with the goals beside them;
/// asserts nothing.</summary>
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

            await IdleAsync(meter, seconds, "50 communities");
            // The host's first order pays for compiling and first use of the place path (about a second here): timed
            // apart, so the goal's figures are those of a host that has served an order.
            await DeliveryAsync(host, 1, concurrency: 1, goalMs: double.NaN);
            await DeliveryAsync(host, orders, concurrency: 1, goalMs: 300);
            await DeliveryAsync(host, orders * 4, concurrency: 16, goalMs: 1000);
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

    /// <summary>Places <paramref name="count"/> urgent orders, <paramref name="concurrency"/> at a time, and times each
    /// from its POST until its offer shows in the member's inbox; each member then declines.</summary>
    private static async Task DeliveryAsync(BenchHost host, int count, int concurrency, double goalMs)
    {
        var organizer = host.Links.OrganizerToken(DemoData.OrganizerId, DemoData.CommunityId);
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var next = -1;
        async Task WorkerAsync()
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var form = new PlaceOrderRequest("Service", i % 2 == 0 ? "Repair" : "Visit", DemoData.CommunityId, "g1", "b1", null, true, null,
                    "张阿姨", "13812345678", "1号楼 302 室", "厨房水龙头漏水");
                var watch = Stopwatch.StartNew();
                var placed = await host.CallAsync<PlaceOrderResponse>(HttpMethod.Post, Routes.Orders, null, form, Guid.NewGuid().ToString());
                var open = await host.CallAsync<OrganizerOrderView[]>(HttpMethod.Get, Routes.OrganizerOrders, organizer);
                var memberId = open.First(o => o.OrderId == placed.OrderId).OfferedTo!;
                var member = host.Links.MemberToken(memberId, DemoData.CommunityId);
                while (watch.Elapsed < TimeSpan.FromSeconds(10))
                {
                    var inbox = await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, member);
                    if (inbox.Offers.Any(o => o.OrderId == placed.OrderId))
                    {
                        latencies.Add(watch.Elapsed.TotalMilliseconds);
                        break;
                    }

                    await Task.Delay(10);
                }

                // Decline, so the member is free and the demo roster is not used up.
                await host.CallAsync<MemberOrderView>(HttpMethod.Post, Routes.Decline.Replace("{orderId}", placed.OrderId, StringComparison.Ordinal), member, new ReasonRequest("测试"));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => WorkerAsync()));
        var seen = latencies.ToList();
        var p99 = Stats.P(seen, 99);
        Console.WriteLine(double.IsNaN(goalMs)
            ? string.Create(Stats.Inv, $"Placed → offer in the inbox, the host's first order (cold): {(seen.Count == 1 ? seen[0].ToString("0", Stats.Inv) + " ms" : "not seen")}")
            : string.Create(Stats.Inv,
                $"Placed → offer in the inbox, concurrency {concurrency,2}: {seen.Count}/{count} seen; p50 {Stats.P(seen, 50):0} ms, p99 {p99:0} ms (goal p99 < {goalMs:0} ms: {(seen.Count == count && p99 < goalMs ? "met" : "NOT met")})"));
    }
}

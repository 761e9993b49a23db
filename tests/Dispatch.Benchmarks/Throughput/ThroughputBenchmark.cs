using System.Diagnostics;
using Azure.Data.Tables;
using Dispatch.Benchmarks.Tallies;
using Dispatch.Core.Api;
using Dispatch.Local.Demo;
using Dispatch.Testing;

namespace Dispatch.Benchmarks.Throughput;

/// <summary><c>throughput [--seconds 15] [--levels 1,4,16]</c>: full cycles (place an urgent order, accept, report
/// hours, confirm) over HTTP against the local host as it runs (real clock, its own loops), with 1, 4 and 16 clients
/// at once. Beside each level, Azurite's own ceiling at that concurrency: single-entity upserts into a scratch table,
/// measured in the same run. "Useful share" is cycles/s × storage requests per cycle (the host's, background
/// included) over that ceiling. With <c>--slow MS</c> it also lists each storage request that took longer than MS
/// (where a slow cycle waited). Prints figures; asserts nothing.</summary>
public static class ThroughputBenchmark
{
    public const string Command = "throughput";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(a => double.Parse(a, Stats.Inv)).FirstOrDefault(15);
        var levels = args.SkipWhile(a => a != "--levels").Skip(1).Select(a => a.Split(',').Select(l => int.Parse(l, Stats.Inv)).ToArray()).FirstOrDefault([1, 4, 16]);
        var slow = args.SkipWhile(a => a != "--slow").Skip(1).Select(a => double.Parse(a, Stats.Inv)).FirstOrDefault(double.NaN);
        Console.WriteLine($"Dispatch throughput benchmark: full cycles for {seconds:0} s at concurrency {string.Join(", ", levels)}, against Azurite's single-entity ceiling");
        await BenchEnvironment.PrintMachineAsync();
        var azurite = new AzuriteFixture();
        try
        {
            await azurite.InitializeAsync();
            var (tablePort, queuePort, blobPort) = BenchEnvironment.PortsOf(azurite);
            using var meter = new StorageMeter(tablePort, queuePort, blobPort);
            using var trace = double.IsNaN(slow) ? null : new RequestTrace(tablePort, queuePort, blobPort) { Recording = true };
            await using var host = await BenchHost.StartAsync(azurite, liveLoops: true);
            await Task.Delay(TimeSpan.FromSeconds(2)); // the start-up pass
            var (_, cold, _, _, _) = await CyclesAsync(host, 1, TimeSpan.Zero); // one cycle: the first order pays for compiling the path
            Console.WriteLine(string.Create(Stats.Inv, $"The host's first cycle (cold, not counted below): {cold.Single():0} ms"));
            Console.WriteLine("concurrency  cycles/s  requests/cycle  storage req/s  Azurite ceiling req/s  useful share (goal ≥ 50%)  cycle p50 ms  p99 ms  failed");
            foreach (var level in levels)
            {
                meter.Reset();
                var (cycles, latencies, failed, elapsed, slowestCycle) = await CyclesAsync(host, level, TimeSpan.FromSeconds(seconds));
                await Task.Delay(TimeSpan.FromSeconds(1)); // let the offers of the last cycles be delivered
                var requests = meter.Read().Total;
                var ceiling = await CeilingAsync(azurite.ConnectionString, level, TimeSpan.FromSeconds(Math.Min(5, seconds)));
                var perSecond = cycles / elapsed.TotalSeconds;
                var perCycle = cycles == 0 ? double.NaN : requests / (double)cycles;
                var share = perSecond * perCycle / ceiling;
                Console.WriteLine(string.Create(Stats.Inv,
                    $"{level,11}  {perSecond,8:0.00}  {perCycle,14:0.0}  {perSecond * perCycle,13:0}  {ceiling,21:0}  {share,13:P0} ({(share >= 0.5 ? "met" : "NOT met")})  {Stats.P(latencies, 50),12:0}  {Stats.P(latencies, 99),6:0}  {failed,6}"));
                if (trace is not null)
                {
                    Console.WriteLine($"   the slowest cycle's steps, ms: {slowestCycle}");
                }

                foreach (var call in trace?.Take().Where(c => c.Milliseconds > slow) ?? [])
                {
                    Console.WriteLine($"   slow: {call.StartedUtc:HH:mm:ss.fff} {call.Text}");
                }
            }

            return 0;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task<(int Cycles, List<double> Latencies, int Failed, TimeSpan Elapsed, string Slowest)> CyclesAsync(BenchHost host, int concurrency, TimeSpan duration)
    {
        var organizer = host.Links.OrganizerToken(DemoData.OrganizerId, DemoData.CommunityId);
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var failed = 0;
        (double Ms, string Steps)? slowest = null;
        var watch = Stopwatch.StartNew();
        async Task WorkerAsync(int worker)
        {
            for (var i = 0; i == 0 || watch.Elapsed < duration; i++) // at least one cycle each
            {
                var cycle = Stopwatch.StartNew();
                var steps = new List<(string Step, double Ms)>();
                async Task<T> Step<T>(string name, Func<Task<T>> call)
                {
                    var started = cycle.Elapsed.TotalMilliseconds;
                    var result = await call();
                    steps.Add((name, cycle.Elapsed.TotalMilliseconds - started));
                    return result;
                }

                try
                {
                    var form = new PlaceOrderRequest("Service", (worker + i) % 2 == 0 ? "Repair" : "Visit", DemoData.CommunityId, "g1", "b1", null, true, null,
                        "张阿姨", "13812345678", "1号楼 302 室", "基准测试订单");
                    var placed = await Step("place", () => host.CallAsync<PlaceOrderResponse>(HttpMethod.Post, Routes.Orders, null, form, Guid.NewGuid().ToString()));
                    var open = await Step("list", () => host.CallAsync<OrganizerOrderView[]>(HttpMethod.Get, Routes.OrganizerOrders, organizer));
                    var memberId = open.First(o => o.OrderId == placed.OrderId).OfferedTo!;
                    var member = host.Links.MemberToken(memberId, DemoData.CommunityId);
                    await Step("accept", () => host.CallAsync<MemberOrderView>(HttpMethod.Post, Route(Routes.Accept, placed.OrderId), member));
                    await Step("hours", () => host.CallAsync<MemberOrderView>(HttpMethod.Post, Route(Routes.Hours, placed.OrderId), member, new HoursRequest(1.5m)));
                    await Step("confirm", () => host.CallAsync<ResidentOrderView>(HttpMethod.Post, Route(Routes.Confirm, placed.OrderId), placed.Token, new ConfirmRequest(5)));
                    latencies.Add(cycle.Elapsed.TotalMilliseconds);
                    if (slowest is null || cycle.Elapsed.TotalMilliseconds > slowest.Value.Ms)
                    {
                        slowest = (cycle.Elapsed.TotalMilliseconds, string.Join(", ", steps.Select(s => string.Create(Stats.Inv, $"{s.Step} {s.Ms:0}"))));
                    }
                }
                catch (Exception e) when (e is CycleFailedException or HttpRequestException or InvalidOperationException)
                {
                    // A race between clients (two accepting one member's offers) is the client's 409, not a failure of the host.
                    Interlocked.Increment(ref failed);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(WorkerAsync));
        return (latencies.Count, latencies.ToList(), failed, watch.Elapsed, slowest?.Steps ?? "");
    }

    /// <summary>Azurite's rate for the simplest useful request, at this concurrency: replace-upserts of single small
    /// entities, each client in its own partition of a scratch table.</summary>
    private static async Task<double> CeilingAsync(string connectionString, int concurrency, TimeSpan duration)
    {
        var table = new TableClient(connectionString, "ceiling" + AzuriteFixture.NewPrefix());
        await table.CreateIfNotExistsAsync();
        var count = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async c =>
        {
            for (var i = 0; watch.Elapsed < duration; i++)
            {
                await table.UpsertEntityAsync(new TableEntity($"p{c}", $"r{i % 100}") { ["Value"] = i }, TableUpdateMode.Replace);
                Interlocked.Increment(ref count);
            }
        }));
        var rate = count / watch.Elapsed.TotalSeconds;
        await table.DeleteAsync();
        return rate;
    }

    private static string Route(string route, string orderId) => route.Replace("{orderId}", orderId, StringComparison.Ordinal);
}

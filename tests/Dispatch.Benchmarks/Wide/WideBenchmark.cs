using System.Diagnostics;
using Dispatch.Testing;
using static Dispatch.Benchmarks.Tallies.Stats;

namespace Dispatch.Benchmarks.Wide;

/// <summary>The <c>wide</c> mode: place and accept latency on a store holding only the demo community, and on one
/// holding a district (100,000 members, 2,000 open orders). Both stores live in one Azurite under two table prefixes,
/// each served by its own local host in this process. First the empty store alone; then the district is loaded into
/// the other and the two run cycles in turn (empty, wide, empty, …), so the machine's noise falls on both alike.
/// Prints the figures with the goal (wide ≤ 1.2 × empty); asserts nothing.</summary>
public static class WideBenchmark
{
    public const string Command = "wide";
    private const double Goal = 1.2;

    public static async Task<int> RunAsync(string[] args)
    {
        WideOptions options;
        try
        {
            options = WideOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("Usage: " + WideOptions.Usage);
            return 2;
        }

        Console.WriteLine("Dispatch wide-store benchmark: place and accept on an empty store and on a district's store (local host, Azurite, 127.0.0.1)");
        await BenchEnvironment.PrintMachineAsync();
        var azurite = new AzuriteFixture { InMemoryPersistence = !options.OnDisk };
        try
        {
            var watch = Stopwatch.StartNew();
            await azurite.InitializeAsync();
            var (tablePort, queuePort, blobPort) = BenchEnvironment.PortsOf(azurite);
            Console.WriteLine(string.Create(Inv, $"Azurite:  {BenchEnvironment.AzuriteVersion()}, {(options.OnDisk ? "on-disk persistence (saves the whole database every 5 s)" : "--inMemoryPersistence")}, up in {Seconds(watch.Elapsed)} s"));
            using var meter = new StorageMeter(tablePort, queuePort, blobPort);
            using var trace = options.Trace ? new RequestTrace(tablePort, queuePort, blobPort) : null;
            await using var empty = await BenchHost.StartAsync(azurite);
            await using var wide = await BenchHost.StartAsync(azurite);
            var cycles = new BenchOptions(options.Cycles, TimeSpan.FromHours(1), options.Warmup, options.Seed, 0.5, options.Trace);
            Console.WriteLine(string.Create(Inv, $"Run:      {options.Cycles} cycles per store after {options.Warmup} warm-up cycles, one cycle at a time; seed {options.Seed}; half urgent; "
                                             + $"empty store prefix {empty.Prefix}, wide store prefix {wide.Prefix}"));

            Console.WriteLine();
            Console.WriteLine("1. The empty store alone (the demo community: 50 members, no open orders)");
            var alone = new CycleRunner(empty, meter, cycles, trace);
            await alone.WarmUpAsync(options.Warmup);
            for (var i = 0; i < options.Cycles; i++)
            {
                await alone.RunOneAsync();
            }

            Print("empty, alone", alone);

            Console.WriteLine();
            Console.WriteLine("2. Loading the district into the wide store");
            var district = new WideDistrict(wide, azurite.ConnectionString, options, meter, trace);
            await district.LoadAsync();

            Console.WriteLine();
            Console.WriteLine("3. Both stores, cycles in turn (empty, wide, empty, …)");
            var a = new CycleRunner(empty, meter, cycles with { Seed = options.Seed + 1 });
            var b = new CycleRunner(wide, meter, cycles with { Seed = options.Seed + 1 }, trace);
            await a.WarmUpAsync(options.Warmup);
            await b.WarmUpAsync(options.Warmup);
            for (var i = 0; i < options.Cycles; i++)
            {
                await a.RunOneAsync();
                await b.RunOneAsync();
            }

            Print("empty, in turn", a);
            Print("wide, in turn", b);

            Console.WriteLine();
            Console.WriteLine(string.Create(Inv, $"Wide store ({N(options.Members)} members in {options.Communities} communities, {N(district.Accepted)} open orders) against the empty store, cycles in turn:"));
            foreach (var (step, label) in new[] { (Step.Place, "place  POST /api/orders"), (Step.Accept, "accept POST …/accept") })
            {
                var ratio50 = P(b.Latencies[step], 50) / P(a.Latencies[step], 50);
                var ratio95 = P(b.Latencies[step], 95) / P(a.Latencies[step], 95);
                var requests = b.Storage[step].Total / (double)b.Cycles - (a.Storage[step].Total / (double)a.Cycles);
                Console.WriteLine(string.Create(Inv, $"   {label,-24} p50 ratio {ratio50:0.00}, p95 ratio {ratio95:0.00} (goal p50 ≤ {Goal}: {(ratio50 <= Goal ? "met" : "NOT met")}); "
                                                 + $"storage requests {b.Storage[step].Total / (double)b.Cycles:0.00} against {a.Storage[step].Total / (double)a.Cycles:0.00} ({requests:+0.00;-0.00;0})"));
                var (outsideA, outsideB) = (P(a.OutsideStorage[step], 50), P(b.OutsideStorage[step], 50));
                var (storageA, storageB) = (a.Storage[step].PathMilliseconds / a.Cycles, b.Storage[step].PathMilliseconds / b.Cycles);
                Console.WriteLine(string.Create(Inv, $"   {"",-24} outside storage p50 {Ms(outsideB)} ms against {Ms(outsideA)} ms (ratio {outsideB / outsideA:0.00}); "
                                                 + $"in storage requests, mean {Ms(storageB)} ms against {Ms(storageA)} ms (ratio {storageB / storageA:0.00})"));
            }

            return 0;
        }
        catch (Exception e)
        {
            Console.WriteLine($"FAILED: {e.GetType().Name}: {e.Message}");
            var output = azurite.Output;
            Console.WriteLine("Azurite's output (last 2,000 characters): " + (output.Length > 2000 ? output[^2000..] : output));
            Console.Error.WriteLine(e);
            return 1;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static void Print(string label, CycleRunner runner)
    {
        foreach (var (step, name) in new[] { (Step.Place, "place "), (Step.Accept, "accept") })
        {
            var l = runner.Latencies[step];
            var s = runner.Storage[step];
            Console.WriteLine(string.Create(Inv, $"   {label,-15} {name} p50 {Ms(P(l, 50)),6} ms, p95 {Ms(P(l, 95)),6} ms, p99 {Ms(P(l, 99)),6} ms over {l.Count} cycles; "
                                             + $"storage requests {s.Table / (double)runner.Cycles:0.00} table + {s.Queue / (double)runner.Cycles:0.00} queue + {s.Blob / (double)runner.Cycles:0.00} blob"));
        }
    }
}

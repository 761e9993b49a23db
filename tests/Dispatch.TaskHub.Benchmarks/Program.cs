using System.Diagnostics;
using System.Globalization;
using Dispatch.Benchmarks;
using StorageMeter = Dispatch.Benchmarks.StorageMeter;
using Dispatch.Functions.Orders;
using Dispatch.Functions.Tests;
using Dispatch.Testing;
using DurableTask.AzureStorage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dispatch.TaskHub.Benchmarks;

/// <summary>Runs the Azure host's real order orchestration, activities and HTTP functions with Durable Task on
/// its Azure Storage backend, against two Azurites: one holds the app's tables, queues and blobs, the other
/// only the task hub, so every HTTP request to the second is a task hub storage transaction. Prints, per order,
/// the task hub's transactions (queue, table, blob) beside the app's, the orchestration's history shape, the
/// idle transactions per minute with the host.json polling settings, and the time from placing an order after
/// an idle spell to its first offer. Exits 1 if an order does not complete; no timing is asserted.</summary>
public static class Program
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> Main(string[] args)
    {
        if (BenchArgs.ParseOrExplain(args) is not { } options)
        {
            return 2;
        }

        Console.WriteLine("Dispatch task hub benchmark: the Azure host's orchestration on Durable Task's Azure Storage backend, on Azurite");
        await BenchEnvironment.PrintMachineAsync();
        var hostJson = Path.Combine(AzuriteFixture.FindRepoRoot(), "functions", "Dispatch.Functions", "host.json");
        var settings = options.Apply(HubSettings.FromHostJson(hostJson));
        Console.WriteLine($"Task hub: {settings} (host.json{(options.Overrides ? ", with this run's overrides" : "")}); "
                          + $"{BenchEnvironment.AzuriteVersion()}; app and task hub on two Azurites");

        var app = new AzuriteFixture();
        var hub = new AzuriteFixture();
        try
        {
            return await RunAsync(options, settings, app, hub);
        }
        catch (Exception e)
        {
            Console.WriteLine($"FAILED: {e}");
            return 1;
        }
        finally
        {
            await Task.WhenAll(hub.DisposeAsync(), app.DisposeAsync());
        }
    }

    private static async Task<int> RunAsync(BenchArgs options, HubSettings settings, AzuriteFixture app, AzuriteFixture hub)
    {
        await app.InitializeAsync();
        await hub.InitializeAsync();
        if (app.IsExternal || hub.IsExternal)
        {
            Console.Error.WriteLine($"Unset {AzuriteFixture.ConnectionVariable}: the benchmark tells the task hub's requests from the app's by which of its two Azurites they go to.");
            return 2;
        }

        using var appMeter = new StorageMeter(app.TablePort, app.QueuePort, app.BlobPort);
        using var hubMeter = new StorageMeter(hub.TablePort, hub.QueuePort, hub.BlobPort);
        using var loggers = LoggerFactory.Create(b => b.AddConsole().SetMinimumLevel(LogLevel.Warning));
        const string hubName = "dispatchbench";
        var backend = new AzureStorageOrchestrationService(settings.ToBackend(hub.ConnectionString, hubName, loggers));
        await using var host = await AzureHost.StartAsync(app, AzureHost.SlowPolicy,
            durableHost: (registry, o) => AzureStorageDurableHost.StartAsync(backend, registry, o));
        var run = new OrderRunner(host, appMeter, hubMeter, hub.ConnectionString, hubName);

        // Warm-up: the first order also waits for the worker to take its partitions' leases.
        var started = Stopwatch.StartNew();
        await run.CycleAsync(decline: false);
        Console.WriteLine(string.Create(Inv, $"Warm-up:  one full order in {started.Elapsed.TotalSeconds:0.0} s (partition leases taken, queues created)"));

        // Idle: nothing placed for the given time; only the task hub's own polling and lease renewals.
        await Task.Delay(TimeSpan.FromSeconds(5)); // the warm-up order's last messages settle
        appMeter.Reset();
        hubMeter.Reset();
        await Task.Delay(options.Idle);
        var idle = hubMeter.Read();
        var idleApp = appMeter.Read();
        var minutes = options.Idle.TotalMinutes;
        Console.WriteLine(string.Create(Inv, $"Idle:     {options.Idle.TotalSeconds:0} s with no orders: task hub {idle.Total} requests = {idle.Total / minutes:0.0}/min "
                               + $"(queue {idle.Queue / minutes:0.0}, table {idle.Table / minutes:0.0}, blob {idle.Blob / minutes:0.0}); app {idleApp.Total}"));

        // Each plain order is placed after an idle gap, when the queues are polled at their slowest: the time to
        // its first offer is what an always-ready instance gives the first order after a quiet spell.
        var plain = new List<Cycle>();
        for (var i = 0; i < options.Orders; i++)
        {
            if (i > 0)
            {
                await Task.Delay(options.Gap);
            }

            plain.Add(await run.CycleAsync(decline: false));
        }

        var afterIdle = plain.Select(c => c.Offered.TotalMilliseconds).ToList();
        Console.WriteLine(string.Create(Inv, $"First offer after idle ({plain.Count} orders, each after ≥ {options.Gap.TotalSeconds:0} s idle): placed → first activity started "
                               + $"median {Median(plain.Select(c => c.FirstActivity.TotalMilliseconds)):0} ms; placed → offer sent median {Median(afterIdle):0} ms, "
                               + $"max {afterIdle.Max():0} ms (goal ≤ 2,000 ms)"));

        var declined = new List<Cycle>();
        for (var i = 0; i < options.Orders; i++)
        {
            declined.Add(await run.CycleAsync(decline: true));
        }

        if (plain.Concat(declined).Any(c => c.Hub.Queue == 0 || c.Hub.Table == 0 || c.App.Table == 0))
        {
            // Every order enqueues and writes history in the task hub and saves in the app's tables.
            Console.WriteLine("FAILED: an order counted no task hub or app storage requests; the counting is broken.");
            return 1;
        }

        Console.WriteLine();
        var idlePerSecond = new IdleRate(idle.Queue / options.Idle.TotalSeconds, idle.Table / options.Idle.TotalSeconds, idle.Blob / options.Idle.TotalSeconds);
        Report("place → offer → accept → hours → confirm", plain, idlePerSecond);
        Report("place → offer → decline → offer → accept → hours → confirm", declined, idlePerSecond);
        Console.WriteLine();
        Console.WriteLine("History of one order on the Azure Storage backend (event type × count):");
        Console.WriteLine("  plain:    " + plain[^1].History);
        Console.WriteLine("  declined: " + declined[^1].History);
        return 0;
    }

    private static void Report(string title, List<Cycle> cycles, IdleRate idle)
    {
        double Avg(Func<Cycle, double> f) => cycles.Average(f);
        Console.WriteLine($"{title} ({cycles.Count} orders, averages per order)");
        Console.WriteLine(string.Create(Inv, $"  task hub storage: {Avg(c => c.Hub.Total):0.0} = queue {Avg(c => c.Hub.Queue):0.0} + table {Avg(c => c.Hub.Table):0.0} + blob {Avg(c => c.Hub.Blob):0.0}"));
        // The idle polling goes on whether or not an order runs, and is costed per month: what the order adds is the rest.
        var seconds = Avg(c => c.Duration.TotalSeconds);
        var (q, t, b) = (Avg(c => c.Hub.Queue) - idle.Queue * seconds, Avg(c => c.Hub.Table) - idle.Table * seconds, Avg(c => c.Hub.Blob) - idle.Blob * seconds);
        Console.WriteLine(string.Create(Inv, $"  task hub storage beyond the idle rate over the order's {seconds:0.0} s: {q + t + b:0.0} = queue {q:0.0} + table {t:0.0} + blob {b:0.0}"));
        Console.WriteLine(string.Create(Inv, $"  app storage:      {Avg(c => c.App.Total):0.0} = table {Avg(c => c.App.Table):0.0} + queue {Avg(c => c.App.Queue):0.0} + blob {Avg(c => c.App.Blob):0.0}"));
        Console.WriteLine(string.Create(Inv, $"  orchestrator episodes {Avg(c => c.Episodes):0.0} (task hub storage per episode {Avg(c => c.Hub.Total) / Avg(c => c.Episodes):0.0}), activities {Avg(c => c.Activities):0.0}, "
                               + $"order in {Avg(c => c.Duration.TotalSeconds):0.0} s"));
        Console.WriteLine(string.Create(Inv, $"  placed → offer sent: median {Median(cycles.Select(c => c.Offered.TotalMilliseconds)):0} ms, max {cycles.Max(c => c.Offered.TotalMilliseconds):0} ms; "
                               + $"HTTP actions answered 200 {cycles.Sum(c => c.Answered200)}/{cycles.Sum(c => c.Actions)}, median {Median(cycles.SelectMany(c => c.ActionMs)):0} ms, max {cycles.SelectMany(c => c.ActionMs).Max():0} ms"));
        Console.WriteLine("  per step (task hub queue/table/blob · app): " + string.Join("; ",
            cycles[0].Steps.Keys.Select(step => string.Create(Inv,
                $"{step} {cycles.Average(c => c.Steps[step].Hub.Queue):0.0}/{cycles.Average(c => c.Steps[step].Hub.Table):0.0}/{cycles.Average(c => c.Steps[step].Hub.Blob):0.0} · {cycles.Average(c => c.Steps[step].App.Total):0.0}"))));
    }

    private sealed record IdleRate(double Queue, double Table, double Blob);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }
}

using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using Dispatch.Storage;
using Dispatch.Testing;
using static Dispatch.Benchmarks.Tallies.Stats;

namespace Dispatch.Benchmarks.Tallies;

/// <summary>The <c>tallies</c> mode: tally and roll-up time for one synthetic district-year in memory and on
/// Table Storage (Azurite on free loopback ports), and the incremental path's cost per record. Prints
/// figures; exits 1 on an error (a failed call or a tally that disagrees with its recomputation), 2 on bad
/// arguments. No timing is asserted.</summary>
public static class TallyBenchmark
{
    public const string Command = "tallies";

    public static async Task<int> RunAsync(string[] args)
    {
        TallyOptions options;
        try
        {
            options = TallyOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("Usage: " + TallyOptions.Usage);
            return 2;
        }

        Console.WriteLine("Dispatch tally benchmark: annual tallies and roll-ups of one district-year, in memory and on Table Storage (Azurite, 127.0.0.1)");
        await BenchEnvironment.PrintMachineAsync(withNode: true);
        var watch = Stopwatch.StartNew();
        var district = DistrictYear.Generate(options);
        var active = district.Members.Count(m => m.Active);
        Console.WriteLine(string.Create(Inv, $"Data:     seed {options.Seed}, year {district.Year} (China calendar): {N(district.Members.Length)} members ({N(active)} active) in "
                                         + $"{district.Communities.Count} communities × {options.Grids} grids × {options.Buildings} buildings "
                                         + $"({N(district.MembersPerCommunity)} per community, {district.MembersPerCommunity / (double)(options.Grids * options.Buildings):0.#} per building); "
                                         + $"{N(district.RecordCount)} service records ({N(district.Corrections)} corrections, {N(district.AllRecords.Count(r => r.IsWish))} wishes, "
                                         + $"max {district.RecordsByMember.Max(r => r.Length)} per member-year); no post claims; generated in {Seconds(watch.Elapsed)} s"));

        var errors = 0;
        try
        {
            errors += new InMemoryTallyBench(options, district).Run();
        }
        catch (Exception e)
        {
            Console.WriteLine($"FAILED in memory: {e.GetType().Name}: {e.Message}");
            Console.Error.WriteLine(e);
            return 1;
        }

        if (options.SkipAzurite)
        {
            Console.WriteLine();
            Console.WriteLine("Azurite parts skipped (--no-azurite).");
            return errors == 0 ? 0 : 1;
        }

        var azurite = new AzuriteFixture();
        try
        {
            watch.Restart();
            await azurite.InitializeAsync();
            var (table, queue, blob) = BenchEnvironment.PortsOf(azurite);
            Console.WriteLine();
            Console.WriteLine(string.Create(Inv, $"Azurite:  {BenchEnvironment.AzuriteVersion()}{(azurite.IsExternal ? " (external, " + AzuriteFixture.ConnectionVariable + ")" : "")}, table :{table}, up in {Seconds(watch.Elapsed)} s"));
            using var meter = new StorageMeter(table, queue, blob);
            // A long network timeout: Azurite serves one transaction at a time, and a bulk load queues many.
            var account = new StorageAccount(new StorageOptions
            {
                ConnectionString = azurite.ConnectionString,
                TablePrefix = AzuriteFixture.NewPrefix(),
                NetworkTimeout = TimeSpan.FromSeconds(120),
            });
            await account.EnsureCreatedAsync();
            errors += await new AzuriteTallyBench(options, district, account, meter).RunAsync();
        }
        catch (Exception e)
        {
            Console.WriteLine($"FAILED on Azurite: {e.GetType().Name}: {e.Message}");
            var output = azurite.Output;
            Console.WriteLine("Azurite's output (last 2,000 characters): " + (output.Length > 2000 ? output[^2000..] : output));
            Console.Error.WriteLine(e);
            return 1;
        }
        finally
        {
            await azurite.DisposeAsync();
        }

        Console.WriteLine();
        Console.WriteLine(errors == 0 ? "Done: no errors." : $"Done with {errors} errors.");
        return errors == 0 ? 0 : 1;
    }
}

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
        await PrintMachineAsync();
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
            var (table, queue, blob) = PortsOf(azurite);
            Console.WriteLine();
            Console.WriteLine(string.Create(Inv, $"Azurite:  {AzuriteVersion()}{(azurite.IsExternal ? " (external, " + AzuriteFixture.ConnectionVariable + ")" : "")}, table :{table}, up in {Seconds(watch.Elapsed)} s"));
            using var meter = new StorageMeter(table, queue, blob);
            var account = new StorageAccount(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = AzuriteFixture.NewPrefix() });
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

    private static async Task PrintMachineAsync()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        Console.WriteLine(string.Create(Inv, $"Machine:  {Environment.ProcessorCount} cores{(cpu is null ? "" : " (" + cpu + ")")}, {memory:0.0} GiB, "
                                         + $"{RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}"));
        var build =
#if DEBUG
            "Debug";
#else
            "Release";
#endif
        var sdk = await RunAsync("dotnet", "--version");
        var node = await RunAsync("node", "--version");
        Console.WriteLine(string.Create(Inv, $".NET:     SDK {sdk}, runtime {RuntimeInformation.FrameworkDescription}, "
                                         + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, {build} build; node {node}"));
    }

    private static string AzuriteVersion()
    {
        try
        {
            var package = Path.Combine(AzuriteFixture.FindRepoRoot(), "node_modules", "azurite", "package.json");
            using var json = JsonDocument.Parse(File.ReadAllText(package));
            return "Azurite " + json.RootElement.GetProperty("version").GetString();
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "Azurite (version unknown)";
        }
    }

    private static async Task<string> RunAsync(string file, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (process is null)
            {
                return "?";
            }

            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return output.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }

    /// <summary>The fixture's ports, or those of an external Azurite's connection string.</summary>
    private static (int Table, int Queue, int Blob) PortsOf(AzuriteFixture azurite)
    {
        if (!azurite.IsExternal)
        {
            return (azurite.TablePort, azurite.QueuePort, azurite.BlobPort);
        }

        var parts = azurite.ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        int Port(string key, int fallback) => parts.TryGetValue(key, out var url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Port : fallback;
        return parts.ContainsKey("UseDevelopmentStorage")
            ? (10002, 10001, 10000)
            : (Port("TableEndpoint", -1), Port("QueueEndpoint", -1), Port("BlobEndpoint", -1));
    }
}

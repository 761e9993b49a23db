using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using Dispatch.Testing;

namespace Dispatch.Benchmarks;

/// <summary>What both benchmarks print about where they ran, and where Azurite listens.</summary>
internal static class BenchEnvironment
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task PrintMachineAsync(bool withNode = false)
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
        var node = withNode ? "; node " + await RunAsync("node", "--version") : "";
        Console.WriteLine(string.Create(Inv, $".NET:     SDK {sdk} (dotnet --version), runtime {RuntimeInformation.FrameworkDescription}, "
                               + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, {build} build{node}"));
    }

    public static string AzuriteVersion()
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

    /// <summary>The fixture's ports, or those of an external Azurite's connection string.</summary>
    public static (int Table, int Queue, int Blob) PortsOf(AzuriteFixture azurite)
    {
        if (!azurite.IsExternal)
        {
            return (azurite.TablePort, azurite.QueuePort, azurite.BlobPort);
        }

        var parts = azurite.ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        int Port(string key) => parts.TryGetValue(key, out var url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Port : -1;
        return parts.ContainsKey("UseDevelopmentStorage")
            ? (10002, 10001, 10000)
            : (Port("TableEndpoint"), Port("QueueEndpoint"), Port("BlobEndpoint"));
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
}
